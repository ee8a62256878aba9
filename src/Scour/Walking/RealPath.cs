using System.Runtime.InteropServices;

namespace Scour.Walking;

/// <summary>The canonical path of a file (all symbolic links resolved), for loop detection with <c>--follow</c>.</summary>
internal static partial class RealPath
{
    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>The canonical path, or null if it cannot be resolved (e.g. a broken link).</summary>
    public static string? Of(string path)
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
            return Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            Free(result);
        }
    }
}
