using TopSharp.Core.Processes;

namespace TopSharp.Core.Sampling;

/// <summary>
/// Reads one <see cref="SystemSnapshot"/> from a <see cref="KernelRoot"/>. Keeps buffers and the
/// (pid, starttime)-keyed string caches between passes; not thread-safe: one pass at a time.
/// </summary>
public sealed class Sampler(KernelRoot root) : IDisposable
{
    public KernelRoot Root { get; } = root;

    /// <summary>One pass: system files, then every process with the extra files asked for.</summary>
    public SystemSnapshot Sample(ProcessFiles files) => throw new NotImplementedException("owned by the sampler work");

    public void Dispose() { }
}
