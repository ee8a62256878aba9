using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Text;

namespace Scour.Walking;

/// <summary>
/// Passes a path to a system call as its exact bytes (<see cref="FileNameEncoding"/>), NUL-terminated:
/// the UTF-8 string marshaller would turn a non-UTF-8 file name's bytes into U+FFFD and miss the file.
/// Short paths use the caller's stack buffer, as the UTF-8 marshaller does.
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedIn, typeof(ManagedToUnmanagedIn))]
internal static unsafe class PathMarshaller
{
    public ref struct ManagedToUnmanagedIn
    {
        private byte* _native;
        private bool _allocated;

        public static int BufferSize => 512;

        public void FromManaged(string managed, Span<byte> buffer)
        {
            var max = Encoding.UTF8.GetMaxByteCount(managed.Length) + 1;
            if (max > buffer.Length)
            {
                _native = (byte*)NativeMemory.Alloc((nuint)max);
                _allocated = true;
                buffer = new Span<byte>(_native, max);
            }
            else
            {
                _native = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer)); // the generated code's stack buffer
            }

            buffer[FileNameEncoding.Encode(managed, buffer)] = 0;
        }

        public readonly byte* ToUnmanaged() => _native;

        public readonly void Free()
        {
            if (_allocated)
            {
                NativeMemory.Free(_native);
            }
        }
    }
}
