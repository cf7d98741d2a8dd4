using System.Diagnostics;
using System.Text.Json;
using TopSharp.Core;
using TopSharp.Core.Numa;
using TopSharp.Testing;
using Xunit;
using static TopSharp.Tests.Cli.AppTests;

namespace TopSharp.Tests.Headless;

/// <summary>The <c>numa</c> section and <c>--numa-maps</c> on this machine, with a process bound by numactl.</summary>
public class LiveNumaJsonTests
{
    private const ulong MiB = 1024 * 1024;

    /// <summary>
    /// <c>numactl --membind=0 dd if=/dev/zero bs=64M count=1</c>: dd reads 64 MiB of zeros into its buffer, touching
    /// every page, then blocks writing it to a pipe nobody reads, so the buffer stays resident until it is killed.
    /// </summary>
    [SkippableFact]
    public void A_process_bound_to_node_0_shows_its_64_MiB_there()
    {
        Requires.Tool("numactl", "binds a process's memory to node 0");
        using var dd = Process.Start(new ProcessStartInfo("numactl", ["--membind=0", "dd", "if=/dev/zero", "bs=64M", "count=1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            NumaMaps touched = WaitForResident(dd.Id, 64 * MiB);
            Assert.Contains(touched.Policies(), p => p.Policy == "bind:0");

            (int code, string stdout, string stderr) = Run("--once", "--json", "--numa-maps", "--pid", dd.Id.ToString(), "--delay", "0.2");

            Assert.True(code == 0, stderr);
            JsonElement report = JsonDocument.Parse(stdout).RootElement;
            JsonElement process = Assert.Single(report.GetProperty("processes").EnumerateArray());
            Assert.Equal(dd.Id, process.GetProperty("pid").GetInt32());
            Assert.Equal("0", process.GetProperty("mems_allowed").GetString());
            Assert.InRange(process.GetProperty("numa_bytes_by_node").GetProperty("0").GetUInt64(), 64 * MiB, ulong.MaxValue);
            JsonElement node0 = report.GetProperty("numa").GetProperty("nodes")[0];
            Assert.Equal(0, node0.GetProperty("node").GetInt32());
            Assert.InRange(node0.GetProperty("cpu_busy_pct").GetDouble(), 0, 100);
            Assert.InRange(node0.GetProperty("numa_hit_per_sec").GetDouble(), 0, double.MaxValue);
        }
        finally
        {
            dd.Kill();
            dd.WaitForExit();
        }
    }

    /// <summary>Polls numa_maps until dd has touched its buffer: a condition with a deadline, not a guessed sleep.</summary>
    private static NumaMaps WaitForResident(int pid, ulong bytes)
    {
        using var file = new KernelFile();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            NumaMaps? maps = NumaMapsReader.Read(KernelRoot.Live, file, pid, []);
            if (maps is not null && maps.BytesOnNode(0) >= bytes) return maps;
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"pid {pid} has {maps?.BytesOnNode(0) ?? 0} bytes on node 0 after 20 s");
            Thread.Sleep(50);
        }
    }
}
