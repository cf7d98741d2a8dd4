using TopSharp.ViewModels.Config;
using TopSharp.ViewModels.Layout;
using TopSharp.ViewModels.Processes;
using Xunit;

namespace TopSharp.ViewModels.Tests.Config;

public sealed class ConfigStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "topsharp-config-" + Guid.NewGuid().ToString("N"));

    private ConfigStore Store => new(_dir);

    private void Write(string json)
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "config.json"), json);
    }

    [Fact]
    public void A_missing_file_gives_the_defaults_and_no_message()
    {
        ConfigLoad load = Store.Load();
        Assert.Equal(TopSharpConfig.Default, load.Config);
        Assert.Null(load.Message);
    }

    [Fact]
    public void Saved_config_loads_back_equal()
    {
        var config = new TopSharpConfig
        {
            DelaySeconds = 0.5,
            Theme = "solarized",
            Layout = new LayoutSettings { Primary = PaneId.Numa, Secondary = PaneId.Processes, Split = SplitMode.Vertical, SplitRatio = 0.35 },
            Processes = new ProcessTableSettings
            {
                Columns = [ColumnId.Pid, ColumnId.RunqPercent, ColumnId.Command],
                SortColumn = ColumnId.RunqPercent,
                SortDescending = false,
                Tree = true,
                ShowThreads = true,
                Grouped = true,
            },
        };
        Assert.Null(Store.Save(config));
        ConfigLoad load = Store.Load();
        Assert.Null(load.Message);
        Assert.Equal(config, load.Config);

        string json = File.ReadAllText(Store.FilePath);
        Assert.Contains("\"sortColumn\": \"RunqPercent\"", json);
        Assert.Contains("\"split\": \"Vertical\"", json);
        Assert.Contains("\"grouped\": true", json);
        Assert.False(File.Exists(Store.FilePath + ".tmp"));
    }

    [Fact]
    public void A_corrupt_file_gives_the_defaults_and_says_where()
    {
        Write("{\n  \"delaySeconds\": 2,\n  \"theme\": ,\n}");
        ConfigLoad load = Store.Load();
        Assert.Equal(TopSharpConfig.Default, load.Config);
        Assert.StartsWith("config.json: line 3: ", load.Message);
        Assert.EndsWith(" — using defaults", load.Message);
    }

    [Fact]
    public void An_unknown_column_name_is_reported_with_its_path()
    {
        Write("{\n  \"processes\": {\n    \"columns\": [\"Pid\", \"Bogus\"]\n  }\n}");
        ConfigLoad load = Store.Load();
        Assert.Equal(TopSharpConfig.Default, load.Config);
        Assert.StartsWith("config.json: line 3: $.processes.columns", load.Message);
    }

    [Fact]
    public void Missing_keys_keep_their_defaults_and_bad_values_are_clamped()
    {
        Write("{ \"delaySeconds\": 0.01, \"processes\": { \"tree\": true, \"columns\": [] }, \"layout\": null }");
        ConfigLoad load = Store.Load();
        Assert.Null(load.Message);
        Assert.Equal(0.2, load.Config.DelaySeconds, 6);
        Assert.True(load.Config.Processes.Tree);
        Assert.Equal(ColumnCatalogue.Default, load.Config.Processes.Columns);
        Assert.Equal(ColumnId.CpuPercent, load.Config.Processes.SortColumn);
        Assert.Equal(LayoutSettings.Default, load.Config.Layout);
        Assert.Equal("default", load.Config.Theme);
    }

    [Fact]
    public void An_unreadable_file_gives_the_defaults_and_a_message()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config.json"));   // a directory where the file should be
        ConfigLoad load = Store.Load();
        Assert.Equal(TopSharpConfig.Default, load.Config);
        Assert.StartsWith("config.json: cannot read: ", load.Message);
        Assert.EndsWith(" — using defaults", load.Message);

        string? error = Store.Save(TopSharpConfig.Default);
        Assert.StartsWith("config.json: cannot save: ", error);
    }

    [Fact]
    public void The_directory_follows_XDG_CONFIG_HOME_else_HOME()
    {
        Assert.Equal("/x/cfg/topsharp", ConfigStore.DefaultDirectory(v => v == "XDG_CONFIG_HOME" ? "/x/cfg" : "/home/u"));
        Assert.Equal("/home/u/.config/topsharp", ConfigStore.DefaultDirectory(v => v == "HOME" ? "/home/u" : null));
        Assert.Equal("/home/u/.config/topsharp", ConfigStore.DefaultDirectory(v => v == "HOME" ? "/home/u" : "relative/path"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
