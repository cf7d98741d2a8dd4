using R3;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Sampling;

/// <summary>
/// Calls the snapshot source every <see cref="Delay"/> on a <see cref="TimeProvider"/> timer and
/// publishes (snapshot, previous, rates). Sampling runs on the timer's thread, never the UI's:
/// views subscribe with <c>ObserveOn(uiContext)</c>. A tick that arrives while the previous pass is
/// still running is skipped. A source that throws costs one tick and a <see cref="Errors"/> message.
/// A frozen loop (<c>--root</c> with t0/ and t1/) publishes one pair and re-reads it only when the
/// files asked for change.
/// </summary>
public sealed class SamplerLoop : IDisposable
{
    private readonly Func<SampleRequest, SystemSnapshot> _source;
    private readonly Func<SampleRequest, SystemSnapshot>? _frozenFirst;
    private readonly Func<SystemSnapshot, SystemSnapshot, SnapshotRates> _rates;
    private readonly TimeProvider _time;
    private readonly ReactiveProperty<TimeSpan> _delay;
    private readonly ReactiveProperty<Sample?> _latest = new(null, EqualityComparer<Sample?>.Default);
    private readonly Subject<string> _errors = new();
    private readonly object _gate = new();
    /// <summary>Reads of the pair one request change may cause (a re-sort by NODE can move other rows into sight).</summary>
    private const int MaxFrozenPasses = 3;

    private ITimer? _timer;
    private SystemSnapshot? _previous;
    private volatile SampleRequest _request;
    private int _running;
    private bool _disposed;

    private SamplerLoop(
        Func<SampleRequest, SystemSnapshot> source, Func<SampleRequest, SystemSnapshot>? frozenFirst,
        Func<SystemSnapshot, SystemSnapshot, SnapshotRates> rates, TimeProvider time, TimeSpan delay, ProcessFiles files)
    {
        _source = source;
        _frozenFirst = frozenFirst;
        _rates = rates;
        _time = time;
        _request = files;
        _delay = new ReactiveProperty<TimeSpan>(SamplingDelay.Clamp(delay));
    }

    /// <summary>A live loop: <paramref name="source"/> is usually <c>Sampler.Sample</c>.</summary>
    public static SamplerLoop Live(
        Func<SampleRequest, SystemSnapshot> source, Func<SystemSnapshot, SystemSnapshot, SnapshotRates> rates,
        TimeProvider time, TimeSpan delay, ProcessFiles files = ProcessFiles.None) =>
        new(source, null, rates, time, delay, files);

    /// <summary>A captured tree: one (t0, t1) pair, no timer.</summary>
    public static SamplerLoop Frozen(
        Func<SampleRequest, SystemSnapshot> t0, Func<SampleRequest, SystemSnapshot> t1,
        Func<SystemSnapshot, SystemSnapshot, SnapshotRates> rates, TimeProvider time, ProcessFiles files = ProcessFiles.None) =>
        new(t1, t0, rates, time, SamplingDelay.Default, files);

    /// <summary>True for a captured tree: the delay keys do nothing.</summary>
    public bool IsFrozen => _frozenFirst is not null;

    /// <summary>The newest sample; null until the first pass.</summary>
    public ReadOnlyReactiveProperty<Sample?> Latest => _latest;

    /// <summary>Every sample, in order, on the sampling thread.</summary>
    public Observable<Sample> Samples => _latest.Where(s => s is not null).Select(s => s!);

    public ReadOnlyReactiveProperty<TimeSpan> Delay => _delay;

    /// <summary>A pass that failed as a whole (the source threw): "sampling failed: …".</summary>
    public Observable<string> Errors => _errors;

    /// <summary>Per-process files the next pass reads; follow the visible columns and panes.</summary>
    public ProcessFiles Files => _request.Files;

    /// <summary>What the next pass reads: <see cref="Files"/>, and numa_maps of a few PIDs.</summary>
    public SampleRequest Request => _request;

    /// <summary>Reads the first snapshot (or the frozen pair) now and starts the timer.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_disposed || _timer is not null || _previous is not null) return;
        }
        if (IsFrozen)
        {
            ReadFrozenPair();
            return;
        }
        Tick();
        lock (_gate)
        {
            if (_disposed) return;
            TimeSpan d = _delay.Value;
            _timer = _time.CreateTimer(_ => Tick(), null, d, d);
        }
    }

    public void SetDelay(TimeSpan delay)
    {
        lock (_gate)
        {
            if (IsFrozen) return;
            TimeSpan d = SamplingDelay.Clamp(delay);
            _delay.Value = d;
            _timer?.Change(d, d);
        }
    }

    /// <summary>The + key.</summary>
    public void Faster() => SetDelay(SamplingDelay.Shorter(_delay.Value));

    /// <summary>The - key.</summary>
    public void Slower() => SetDelay(SamplingDelay.Longer(_delay.Value));

    /// <summary>Asks for more or fewer files from the next pass; a frozen loop re-reads its pair.</summary>
    public void SetFiles(ProcessFiles files) => ChangeRequest(r => r with { Files = files });

    /// <summary>The processes whose numa_maps the next pass reads (with <see cref="ProcessFiles.NumaMaps"/>); a frozen loop re-reads its pair.</summary>
    public void SetNumaMapsPids(IReadOnlySet<int> pids) => ChangeRequest(r => r with { NumaMapsPids = pids });

    /// <summary>Files and PIDs come from different threads (the UI's, the sampler's): one change at a time.</summary>
    private void ChangeRequest(Func<SampleRequest, SampleRequest> change)
    {
        lock (_gate)
        {
            SampleRequest request = change(_request);
            if (_request.SameAs(request)) return;
            _request = request;
        }
        if (IsFrozen && _latest.Value is not null) ReadFrozenPair();
    }

    /// <summary>One pass now, outside the timer (F5, or a test).</summary>
    public void Tick()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1) return;
        try
        {
            SystemSnapshot newer;
            try
            {
                newer = _source(_request);
            }
            catch (Exception e)
            {
                _errors.OnNext($"sampling failed: {e.Message}");
                return;
            }
            Publish(_previous, newer);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>
    /// Reads the pair for the current request. A request changed by the publish itself (the rows on
    /// screen after the first read, whose numa_maps are wanted) is read again, a few times at most.
    /// </summary>
    private void ReadFrozenPair()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1) return;
        try
        {
            SampleRequest request;
            int passes = 0;
            do
            {
                request = _request;
                SystemSnapshot t0 = _frozenFirst!(request);
                SystemSnapshot t1 = _source(request);
                Publish(t0, t1);
            }
            while (!_request.SameAs(request) && ++passes < MaxFrozenPasses);
        }
        catch (Exception e)
        {
            _errors.OnNext($"reading the captured tree failed: {e.Message}");
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void Publish(SystemSnapshot? older, SystemSnapshot newer)
    {
        SnapshotRates? rates = null;
        if (older is not null)
        {
            try
            {
                rates = _rates(older, newer);
            }
            catch (Exception e)
            {
                _errors.OnNext($"rates failed: {e.Message}");
            }
        }
        lock (_gate)
        {
            if (_disposed) return;
            _previous = newer;
        }
        // Outside the gate: subscribers (the pane view models) do their work here, and SetDelay
        // from the UI thread must not wait for them.
        _latest.Value = new Sample(newer, older, rates);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
        // The properties are left to the GC: a pass still running on the timer thread may publish once more.
    }
}
