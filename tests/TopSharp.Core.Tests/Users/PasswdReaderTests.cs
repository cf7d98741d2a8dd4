using System.Text;
using TopSharp.Core.Users;
using Xunit;

namespace TopSharp.Core.Tests.Users;

public class PasswdReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Maps_uids_to_names()
    {
        Assert.True(PasswdReader.TryParse(
            "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"u8,
            out Dictionary<int, string>? users, _diagnostics));
        Assert.Equal(new Dictionary<int, string> { [0] = "root", [33] = "www-data", [65534] = "nobody" }, users);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void First_entry_of_a_uid_wins_and_nis_and_comments_are_skipped()
    {
        Assert.True(PasswdReader.TryParse("# comment\n\nroot:x:0:0::/:\ntoor:x:0:0::/:\n+@netgroup::::::\n-baduser::::::\n"u8, out Dictionary<int, string>? users, _diagnostics));
        Assert.Equal(new Dictionary<int, string> { [0] = "root" }, users);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("justaname\n")]
    [InlineData("name:x\n")]
    [InlineData("name:x:abc:0::/:\n")]
    [InlineData(":x:5:0::/:\n")]
    [InlineData("name:x:-1:0::/:\n")]
    public void A_bad_line_is_reported_and_skipped(string bad)
    {
        Assert.True(PasswdReader.TryParse(Encoding.UTF8.GetBytes("root:x:0:0::/:\n" + bad), out Dictionary<int, string>? users, _diagnostics, "etc/passwd"));
        Assert.Equal(new Dictionary<int, string> { [0] = "root" }, users);
        Assert.Equal((PasswdReader.Source, "etc/passwd", 2), (Assert.Single(_diagnostics).Source, _diagnostics[0].Path, _diagnostics[0].Line));
    }

    [Fact]
    public void Missing_file_is_empty_with_a_diagnostic()
    {
        using var file = new KernelFile();
        Assert.Empty(PasswdReader.Read(FixtureRoots.Cgroup2T0, file, _diagnostics));
        ParseDiagnostic d = Assert.Single(_diagnostics);
        Assert.Equal((PasswdReader.Source, FixtureRoots.Cgroup2T0.Etc("passwd"), 0), (d.Source, d.Path, d.Line));
    }

    [Fact]
    public void Live_knows_root()
    {
        using var file = new KernelFile();
        Dictionary<int, string> users = PasswdReader.Read(KernelRoot.Live, file, _diagnostics);
        Assert.Equal("root", users[0]);
        Assert.Empty(_diagnostics);
    }
}
