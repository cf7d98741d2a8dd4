using Microsoft.Extensions.Time.Testing;
using R3;
using TopSharp.Bpf.Syscalls;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;
using TopSharp.ViewModels.Processes;
using TopSharp.ViewModels.Sampling;

namespace TopSharp.ViewModels.Tests.Support;

/// <summary>A process table fed by hand: each <see cref="Push"/> is one refresh, one virtual second later.</summary>
internal sealed class TableHarness : IDisposable
{
    private readonly Subject<Sample> _samples = new();
    private SystemSnapshot? _last;

    public TableHarness(ProcessTableSettings? settings = null, Func<FakeTimeProvider, Func<(ISyscallTracer?, string)>>? syscalls = null)
    {
        Vm = new ProcessTableViewModel(_samples, Time, Control, settings ?? ProcessTableSettings.Default, syscalls?.Invoke(Time));
        Vm.Messages.Subscribe(Messages.Add);
    }

    public FakeTimeProvider Time { get; } = new();
    public FakeProcessControl Control { get; } = new();
    public ProcessTableViewModel Vm { get; }
    public List<string> Messages { get; } = [];

    public ProcessTableState State => Vm.State.CurrentValue;

    public int[] Pids => [.. State.Rows.Select(r => r.Pid)];

    public int? SelectedPid => State.SelectedRow?.Pid;

    public ProcessRow Row(int pid) => State.Rows.Single(r => r.Pid == pid && !r.Is(RowFlags.Dead));

    public string Cell(int pid, ColumnId column)
    {
        int index = State.Columns.ToList().FindIndex(c => c.Id == column);
        return Row(pid).Cells[index];
    }

    public void Push(params ProcessSample[] processes)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        SystemSnapshot snap = Snapshots.Snap((Time.GetUtcNow() - Time.Start).TotalSeconds, processes);
        _samples.OnNext(new Sample(snap, _last, _last is null ? null : SnapshotRates.Between(_last, snap)));
        _last = snap;
    }

    public void Dispose()
    {
        Vm.Dispose();
        _samples.Dispose();
    }
}
