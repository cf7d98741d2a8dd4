using System.Runtime.InteropServices;
using System.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// The comm and cmdline strings of every process and thread seen, keyed by (pid, starttime), so a
/// pass allocates strings only for what is new. comm is compared byte for byte each pass: when it
/// changes (execve, prctl PR_SET_NAME) the entry is renewed and its cmdline read again, which
/// catches the fork-then-exec of a process first seen between the two.
/// Entries not seen in a pass are dropped at its end.
/// </summary>
internal sealed class ProcessNameCache
{
    private readonly Dictionary<ProcessKey, Entry> _entries = [];
    private int _pass;
    private int _seen;

    public int Count => _entries.Count;

    public void BeginPass()
    {
        _pass++;
        _seen = 0;
    }

    /// <summary>
    /// The entry for <paramref name="key"/>, renewed when <paramref name="comm"/> differs from the
    /// cached bytes. <see cref="Entry.Names"/> is null until <see cref="SetCmdline"/> is called.
    /// </summary>
    public Entry Get(ProcessKey key, ReadOnlySpan<byte> comm)
    {
        ref Entry? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out _);
        if (slot is null || !comm.SequenceEqual(slot.CommBytes))
            slot = new Entry(comm.ToArray(), Encoding.UTF8.GetString(comm));
        if (slot.Pass != _pass)
        {
            slot.Pass = _pass;
            _seen++;
        }
        return slot;
    }

    /// <summary>Drops the entries of processes and threads that were not seen in this pass.</summary>
    public void EndPass()
    {
        if (_seen == _entries.Count) return;
        foreach ((ProcessKey key, Entry entry) in _entries)
            if (entry.Pass != _pass) _entries.Remove(key);
    }

    internal sealed class Entry(byte[] commBytes, string comm)
    {
        public byte[] CommBytes { get; } = commBytes;
        public string Comm { get; } = comm;
        public int Pass { get; set; }

        /// <summary>comm and cmdline together, once the cmdline has been read.</summary>
        public ProcessNames? Names { get; private set; }

        public ProcessNames SetCmdline(string cmdline) => Names = new ProcessNames(Comm, cmdline);
    }
}
