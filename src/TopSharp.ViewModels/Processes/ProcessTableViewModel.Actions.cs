using TopSharp.Core.Processes;

namespace TopSharp.ViewModels.Processes;

/// <summary>Kill and renice: to every tagged process, or else to the selected one; each result also goes to <see cref="Messages"/>.</summary>
public sealed partial class ProcessTableViewModel
{
    /// <summary>Sends <paramref name="signal"/> to the tagged processes, or the selected one. Exited ones are skipped.</summary>
    public IReadOnlyList<ProcessControlResult> Kill(Signal signal)
    {
        List<ProcessEntry> targets = Targets();
        var results = targets.ConvertAll(e => _control.Kill(e.Pid, signal.Number));
        Report(results, $"sent {signal.Name} to", "kill");
        return results;
    }

    /// <summary>F7 (−1) / F8 (+1): changes the nice value of the tagged processes, or the selected one, by <paramref name="delta"/>.</summary>
    public IReadOnlyList<ProcessControlResult> Renice(int delta)
    {
        List<ProcessEntry> targets = Targets();
        var results = targets.ConvertAll(e => _control.SetPriority(e.Pid, Math.Clamp(e.Sample.Stat.Nice + delta, -20, 19)));
        Report(results, delta < 0 ? "raised the priority (nice −1) of" : "lowered the priority (nice +1) of", "renice");
        return results;
    }

    private List<ProcessEntry> Targets()
    {
        lock (_gate)
        {
            IEnumerable<TableItem> live = _items.Where(i => (i.Flags & RowFlags.Dead) == 0);
            List<ProcessEntry> tagged = [.. live.Where(i => _tagged.Contains(i.Entry.Key)).Select(i => i.Entry)];
            if (tagged.Count > 0) return tagged;
            return [.. live.Where(i => i.Entry.Key == _selected).Select(i => i.Entry)];
        }
    }

    private void Report(List<ProcessControlResult> results, string done, string verb)
    {
        if (results.Count == 0)
        {
            _messages.OnNext($"{verb}: no process selected");
            return;
        }
        List<ProcessControlResult> failed = results.FindAll(r => !r.Succeeded);
        int ok = results.Count - failed.Count;
        if (failed.Count == 0)
            _messages.OnNext(ok == 1 ? $"{done} {results[0].Pid}" : $"{done} {ok} processes");
        else
            _messages.OnNext($"{verb} {failed[0].Pid}: {failed[0].Error}" + (results.Count > 1 ? $" ({failed.Count} of {results.Count} failed)" : ""));
    }
}
