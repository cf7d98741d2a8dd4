using System.Globalization;
using System.Text;

namespace TopSharp.Benchmarks.Numa;

/// <summary>
/// A numa_maps of a large process on a 4-node machine, shaped like a live .NET process's file (about a third
/// guard pages with no counts, anon arenas, shared libraries, a heap) plus what a database on a NUMA server
/// adds: THP-backed anon, a hugetlbfs mapping, bind and interleave policies. Deterministic for a count.
/// </summary>
internal static class SyntheticNumaMaps
{
    public static byte[] Build(int mappings)
    {
        var sb = new StringBuilder();
        ulong address = 0x7f0000000000;
        for (int i = 0; i < mappings; i++, address += 0x200000)
        {
            string a = address.ToString("x", CultureInfo.InvariantCulture);
            int k = i * 7 % 97 + 1;
            sb.Append(a).Append(' ').Append((i % 10) switch
            {
                0 or 3 or 6 => "default",
                1 or 4 => $"default anon={k * 4} dirty={k * 4} active=0 N0={k} N1={k * 2} N3={k} kernelpagesize_kB=4",
                2 => $"default file=/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Lib{i}.dll mapped={k} mapmax=18 N0={k} kernelpagesize_kB=4",
                5 => $"bind:1 anon={k * 512} dirty={k * 512} active=0 N1={k * 512} kernelpagesize_kB=4",
                7 => $"interleave:0-3 anon={k * 4} dirty={k * 4} active=0 N0={k} N1={k} N2={k} N3={k} kernelpagesize_kB=4",
                8 => $"default file=/usr/lib/x86_64-linux-gnu/libc.so.6 anon=1 dirty=1 mapped={k} mapmax=60 active=0 N0={k} N2=1 kernelpagesize_kB=4",
                _ => $"prefer:3 file=/dev/hugepages/db-buffer huge dirty={k % 8 + 1} N3={k % 8 + 1} kernelpagesize_kB=2048",
            }).Append('\n');
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
