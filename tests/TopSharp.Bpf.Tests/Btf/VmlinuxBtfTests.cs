using System.Diagnostics;
using System.Text.RegularExpressions;
using TopSharp.Bpf.Btf;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests.Btf;

/// <summary>
/// The running kernel's BTF as BtfTypes reads it, against bpftool's raw dump of the same file
/// (<c>bpftool btf dump file /sys/kernel/btf/vmlinux format raw</c>): every type's id, kind and name,
/// and the lookups the sched_switch probe and tp_btf programs make. Unprivileged: the file is world-readable.
/// </summary>
public sealed partial class VmlinuxBtfTests
{
    private static readonly Lazy<string[]> Dump = new(() => BpftoolRaw().Split('\n'));

    [SkippableFact]
    public void Every_type_has_the_id_kind_and_name_bpftool_gives_it()
    {
        BtfTypes btf = Vmlinux();
        int count = 0;
        foreach (string line in Dump.Value)
        {
            if (TypeLine().Match(line) is not { Success: true } m) continue;
            int id = int.Parse(m.Groups["id"].Value);
            BtfType t = btf[id];
            Assert.Equal((id, Kind(m.Groups["kind"].Value), Name(m.Groups["name"].Value)), (t.Id, t.Kind, t.Name));
            count++;
        }
        Assert.Equal(count + 1, btf.Count); // + void
    }

    [SkippableFact]
    public void Task_struct_pid_is_where_bpftool_puts_it()
    {
        string[] dump = Dump.Value;
        int at = Array.FindIndex(dump, l => l.Contains("] STRUCT 'task_struct' "));
        string pid = dump.Skip(at + 1).TakeWhile(l => l.StartsWith('\t')).Single(l => l.StartsWith("\t'pid' "));
        int bits = int.Parse(Regex.Match(pid, @"bits_offset=(\d+)").Groups[1].Value);

        Assert.Equal(bits / 8, Vmlinux().MemberOffsetBytes("task_struct", "pid"));
    }

    [SkippableFact]
    public void A_tracepoints_typedef_resolves_to_its_function_prototype()
    {
        BtfTypes btf = Vmlinux();
        string typedef = Dump.Value.Single(l => l.Contains("] TYPEDEF 'btf_trace_sched_switch' "));
        BtfType t = btf.Find("btf_trace_sched_switch", BtfKind.Typedef)!;

        Assert.Equal(int.Parse(TypeLine().Match(typedef).Groups["id"].Value), t.Id);
        BtfType pointer = btf.Resolve(t.Id);
        Assert.Equal(BtfKind.Ptr, pointer.Kind);
        BtfType proto = btf[(int)pointer.SizeOrType];
        Assert.Equal(BtfKind.FuncProto, proto.Kind);
        Assert.Equal(5, proto.Members.Count); // void *, bool preempt, prev, next, prev_state
        BtfType prev = btf[proto.Members[2].Type];
        Assert.Equal(BtfKind.Ptr, prev.Kind);
        Assert.Equal((BtfKind.Struct, "task_struct"), (btf.Resolve((int)prev.SizeOrType).Kind, btf.Resolve((int)prev.SizeOrType).Name));
    }

    [SkippableFact]
    public void Absent_names_are_null_or_a_clear_error()
    {
        BtfTypes btf = Vmlinux();
        Assert.Null(btf.Find("task_struct", BtfKind.Typedef));
        Assert.Null(btf.Find("task_struc", BtfKind.Struct)); // a prefix of a name is not the name
        Assert.Equal("BTF struct task_struct has no member no_such_member",
            Assert.Throws<BpfException>(() => btf.MemberOffsetBytes("task_struct", "no_such_member")).Message);
    }

    private static BtfTypes Vmlinux()
    {
        Requires.That(File.Exists(BtfTypes.VmlinuxPath), $"needs {BtfTypes.VmlinuxPath} (CONFIG_DEBUG_INFO_BTF)");
        return BtfTypes.Vmlinux();
    }

    private static string BpftoolRaw()
    {
        Requires.Tool("bpftool", "dumps the kernel's BTF to compare with");
        using Process p = Process.Start(new ProcessStartInfo("bpftool", ["btf", "dump", "file", BtfTypes.VmlinuxPath, "format", "raw"])
            { RedirectStandardOutput = true })!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    /// <summary>bpftool's kind names: FUNC_PROTO is <see cref="BtfKind.FuncProto"/>.</summary>
    private static BtfKind Kind(string bpftool) => Enum.Parse<BtfKind>(bpftool.Replace("_", ""), ignoreCase: true);

    private static string Name(string bpftool) => bpftool == "(anon)" ? "" : bpftool;

    [GeneratedRegex(@"^\[(?<id>\d+)\] (?<kind>[A-Z0-9_]+) '(?<name>[^']*)'")]
    private static partial Regex TypeLine();
}
