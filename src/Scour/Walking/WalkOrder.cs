namespace Scour.Walking;

/// <summary>How the entries of each directory are ordered (<c>--sort</c>, <c>--sortr</c>).</summary>
public enum WalkOrder
{
    /// <summary>As the file system lists them; the walk runs in parallel.</summary>
    None,

    /// <summary>By name (bytewise).</summary>
    Path,

    /// <summary>By last modification time, oldest first.</summary>
    Modified,

    /// <summary>By last access time, oldest first.</summary>
    Accessed,

    /// <summary>By creation time, oldest first.</summary>
    Created,
}
