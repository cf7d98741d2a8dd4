using TopSharp.Core.Text;

namespace TopSharp.Core.Processes;

/// <summary>
/// /proc/PID/stat and /proc/PID/task/TID/stat: proc(5), Documentation/filesystems/proc.rst table 1-4.
/// <c>162 (bad ) name) S 1 0 0 0 -1 4194304 59 0 0 0 0 5 0 0 20 0 2 0 641 9519104 1 …</c>
/// </summary>
public static class PidStatReader
{
    public const string Source = "PID/stat";

    /// <summary>delayacct_blkio_ticks (field 42) is the last field every supported kernel writes.</summary>
    private const int LastRequiredField = 42;

    /// <summary>
    /// Parses one stat line. <paramref name="comm"/> is the text between the first '(' and the LAST ')',
    /// since a comm may itself hold spaces, ')' and newlines; it is a slice of <paramref name="content"/>.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> content, out PidStat stat, out ReadOnlySpan<byte> comm,
        List<ParseDiagnostic>? diagnostics = null, string path = "")
    {
        stat = default;
        comm = default;
        string? reason = Parse(content, ref stat, ref comm);
        if (reason is null) return true;
        comm = default;
        diagnostics?.Add(new ParseDiagnostic(Source, path, 1, reason));
        return false;
    }

    /// <summary>
    /// Reads proc/PID/stat, or proc/PID/task/TID/stat when <paramref name="tid"/> is given. False without a
    /// diagnostic when the process has vanished; false with one when the file does not parse.
    /// </summary>
    public static bool TryRead(
        KernelRoot root, KernelFile file, int pid, out PidStat stat, out ReadOnlySpan<byte> comm,
        List<ParseDiagnostic> diagnostics, int? tid = null)
    {
        string path = PidPath.Of(root, pid, tid, "stat");
        if (file.TryRead(path, out ReadOnlySpan<byte> content))
            return TryParse(content, out stat, out comm, diagnostics, path);
        stat = default;
        comm = default;
        return false;
    }

    private static string? Parse(ReadOnlySpan<byte> content, ref PidStat stat, ref ReadOnlySpan<byte> comm)
    {
        int open = content.IndexOf((byte)'(');
        int close = content.LastIndexOf((byte)')');
        if (open < 0 || close < open) return "no comm in parentheses";
        if (!Number.TryParseInt32(content[..open].Trim((byte)' '), out int pid)) return "field 1 (pid) is not a number";
        comm = content[(open + 1)..close];

        var s = new Builder { Pid = pid };
        var fields = new Fields(content[(close + 1)..].TrimEnd((byte)'\n'));
        int n = 2;
        while (fields.MoveNext())
        {
            n++;
            if (!s.Set(n, fields.Current)) return $"field {n} unparsable: '{Excerpt.Of(fields.Current)}'";
        }
        if (n < LastRequiredField) return $"truncated: {n} fields, expected at least {LastRequiredField}";
        stat = s.ToStat();
        return null;
    }

    /// <summary>The fields as they arrive; <see cref="Set"/> keeps the ones <see cref="PidStat"/> holds.</summary>
    private struct Builder
    {
        public int Pid;
        private char _state;
        private int _ppid, _ttyNr, _priority, _nice, _numThreads, _processor;
        private ulong _minflt, _majflt, _utime, _stime, _cutime, _cstime, _starttime, _vsize, _rss, _blkio;
        private uint _policy;
        private int? _exitCode;

        /// <summary>Field number <paramref name="n"/> as proc(5) counts; false when it is not a number.</summary>
        public bool Set(int n, ReadOnlySpan<byte> f) => n switch
        {
            3 => SetState(f),
            4 => Number.TryParseInt32(f, out _ppid),
            7 => Number.TryParseInt32(f, out _ttyNr),
            10 => Number.TryParseUInt64(f, out _minflt),
            12 => Number.TryParseUInt64(f, out _majflt),
            14 => Number.TryParseUInt64(f, out _utime),
            15 => Number.TryParseUInt64(f, out _stime),
            16 => Number.TryParseUInt64(f, out _cutime),
            17 => Number.TryParseUInt64(f, out _cstime),
            18 => Number.TryParseInt32(f, out _priority),
            19 => Number.TryParseInt32(f, out _nice),
            20 => Number.TryParseInt32(f, out _numThreads),
            22 => Number.TryParseUInt64(f, out _starttime),
            23 => Number.TryParseUInt64(f, out _vsize),
            24 => Number.TryParseUInt64(f, out _rss),
            39 => Number.TryParseInt32(f, out _processor),
            41 => Number.TryParseUInt32(f, out _policy),
            42 => Number.TryParseUInt64(f, out _blkio),
            52 => SetExitCode(f),
            _ => true,
        };

        private bool SetState(ReadOnlySpan<byte> f)
        {
            if (f.Length != 1) return false;
            _state = (char)f[0];
            return true;
        }

        private bool SetExitCode(ReadOnlySpan<byte> f)
        {
            if (!Number.TryParseInt32(f, out int code)) return false;
            _exitCode = code;
            return true;
        }

        public readonly PidStat ToStat() => new(
            Pid, _state, _ppid, _ttyNr, _minflt, _majflt, _utime, _stime, _cutime, _cstime,
            _priority, _nice, _numThreads, _starttime, _vsize, _rss, _processor, _policy, _blkio, _exitCode);
    }
}
