namespace TopSharp.Bpf.Opens;

/// <summary>Where the opens view and the headless mode get events: the BPF tracer, or a test's list.</summary>
public interface IOpenEventSource : IDisposable
{
    /// <summary>Why no events can come (no privilege, no ring buffer, no BPF), or null when tracing.</summary>
    string? Unavailable { get; }

    /// <summary>Appends every event that arrived since the last call, in ring-buffer order; never blocks.</summary>
    int Drain(List<OpenEvent> into);

    /// <summary>Events the kernel dropped because the ring buffer was full, since tracing started.</summary>
    ulong Lost { get; }
}
