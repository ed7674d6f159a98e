using PrivacyAssistant.Bench;

// bench/README.md describes the commands and what they measure.
var command = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1).ToArray());
return command switch
{
    "load" => await LoadBenchmark.RunAsync(options),
    "startup" => await StartupBenchmark.RunAsync(options),
    "retrieval" => RetrievalBenchmark.Run(options),
    "speed" => MachineSpeed.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: PrivacyAssistant.Bench <command> [options]
          load     throughput and latency of POST /api/messages (expectReplies) for our bot and the
                   botbuilder peer: --levels 1,50,200 --duration 10 --warmup 3 --settle 120 [--no-peer] [--quiet-logs]
                   [--client http|raw] [--bot other/PrivacyAssistant.Bot.dll] [--env NAME=value] [--by-question] [--diagnostics]
          startup  process start to first answered request (wall and CPU time), and memory after start:
                   --runs 5 [--no-peer] [--compare other/PrivacyAssistant.Bot.dll]
          retrieval  knowledge load + index build time and answer latency for the shipped base and
                   synthetic bases: --sizes 1000,5000 --runs 3
          speed    the cores' own speed over time (CPU ns per step of fixed compute and memory work), one line per
                   --duration seconds, --runs times: whether the machine itself changes speed between runs
        """);
    return 2;
}
