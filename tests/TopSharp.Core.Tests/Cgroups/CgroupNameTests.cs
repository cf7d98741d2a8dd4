using TopSharp.Core.Cgroups;
using Xunit;

namespace TopSharp.Core.Tests.Cgroups;

public class CgroupNameTests
{
    private const string Id = "4f1c2a9e0b7d33f1c2a9e0b7d33f1c2a9e0b7d33f1c2a9e0b7d33f1c2a9e0b7d";

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/system.slice/db.service", "db.service")]
    [InlineData("/user.slice/user-1000.slice/session-3.scope", "session-3.scope")]
    [InlineData("/system.slice/docker-" + Id + ".scope", "docker:4f1c2a9e0b7d")]
    [InlineData("/docker/" + Id, "docker:4f1c2a9e0b7d")]
    [InlineData("/system.slice/cri-containerd-" + Id + ".scope", "containerd:4f1c2a9e0b7d")]
    [InlineData("/machine.slice/libpod-" + Id + ".scope", "podman:4f1c2a9e0b7d")]
    [InlineData("/machine.slice/libpod-conmon-" + Id + ".scope", "podman-conmon:4f1c2a9e0b7d")]
    [InlineData("/libpod_parent/" + Id, "podman:4f1c2a9e0b7d")]
    [InlineData("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0b1c2d3e_4f5a_6b7c_8d9e_0f1a2b3c4d5e.slice/crio-" + Id + ".scope", "cri-o:4f1c2a9e0b7d")]
    [InlineData("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0b1c2d3e_4f5a_6b7c_8d9e_0f1a2b3c4d5e.slice", "pod:0b1c2d3e")]
    [InlineData("/kubepods/burstable/pod0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", "pod:0b1c2d3e")]
    [InlineData("/kubepods/burstable/pod0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e/" + Id, "ctr:4f1c2a9e0b7d")]
    [InlineData("/lxc.payload.web", "lxc:web")]
    [InlineData("/lxc.monitor.web", "lxc-monitor:web")]
    [InlineData("/lxc/web", "lxc:web")]
    [InlineData("/batch/job1", "job1")]
    public void Reads_well(string path, string name) => Assert.Equal(name, CgroupName.Of(path));
}
