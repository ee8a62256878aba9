using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Scour.Walking;

/// <summary>The canonical path of a file (all symbolic links resolved), for loop detection with <c>--follow</c>.</summary>
internal static partial class RealPath
{
    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static partial nint RealPathNative([MarshalUsing(typeof(PathMarshaller))] string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>The canonical path, or null if it cannot be resolved (e.g. a broken link).</summary>
    public static unsafe string? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var target = Directory.ResolveLinkTarget(path, returnFinalTarget: true);
            return Path.GetFullPath(target?.FullName ?? path);
        }

        var result = RealPathNative(path, 0);
        if (result == 0)
        {
            return null;
        }

        try
        {
            return FileNameEncoding.Decode(MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)result));
        }
        finally
        {
            Free(result);
        }
    }
}
