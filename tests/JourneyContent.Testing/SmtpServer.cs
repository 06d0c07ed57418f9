using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace JourneyContent.Testing;

/// <summary>A real SMTP server (aiosmtpd) that stores every message it accepts in a Maildir, and can be stopped and restarted on its port.</summary>
public sealed class SmtpServer : IDisposable
{
    private Process? _process;

    public SmtpServer()
    {
        Root = Path.Combine(Path.GetTempPath(), "jc-smtp-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        // aiosmtpd creates the Maildir itself and fails on DATA if an empty folder is already there.
        MaildirPath = Path.Combine(Root, "maildir");
        Port = LoopbackPorts.Free();
        Start();
    }

    public string Root { get; }

    public string MaildirPath { get; }

    public int Port { get; }

    public string Host => "127.0.0.1";

    public void Start()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MaildirPath })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        // Drained so a chatty server never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Accepts())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with code {_process.ExitCode}.");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"aiosmtpd did not listen on port {Port} within 15 s.");
            }

            Thread.Sleep(50);
        }
    }

    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }

        var deadline = Stopwatch.StartNew();
        while (Accepts() && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(50);
        }
    }

    /// <summary>The messages received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(MaildirPath, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages arrived, woken by the Maildir's file events rather than by
    /// polling; <paramref name="hangGuard"/> only turns a message that never comes into a failure (the messages so far
    /// are returned, for the caller's assertion to name), and is never waited out when the mail arrives.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan hangGuard)
    {
        using var changed = new SemaphoreSlim(0);
        // The Maildir is created by aiosmtpd with its first message, so the watch is on the folder above it. A message
        // is written in tmp/ and renamed into new/: the rename, or a creation, wakes the check.
        using var watcher = new FileSystemWatcher(Root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName,
        };
        watcher.Created += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        using var guard = new CancellationTokenSource(hangGuard);
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count)
            {
                return messages;
            }

            try
            {
                await changed.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                return Messages();
            }
        }
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
