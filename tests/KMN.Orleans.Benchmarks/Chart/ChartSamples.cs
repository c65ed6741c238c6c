namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>Millisecond samples the page measured itself (so not timed by <see cref="Measurement"/>), as percentiles.</summary>
public sealed class ChartSamples(string name)
{
    private readonly List<double> _millis = [];

    public void Add(double millis) => _millis.Add(millis);

    public double Percentile(double p)
    {
        var sorted = _millis.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() =>
        $"{name,-44} n={_millis.Count,6}  p50={Percentile(50),8:F0} ms  p95={Percentile(95),8:F0} ms  max={Percentile(100),8:F0} ms";
}

/// <summary>The stages of one kind of open (page load or in-app navigation, cold or warm), one sample set each.</summary>
public sealed class ChartOpenStages(string name, bool pageLoad)
{
    private readonly ChartSamples _ttfb = new($"{name}: server response (TTFB, prerender)");
    private readonly ChartSamples _domReady = new($"{name}: page scripts ran (DOMContentLoaded)");
    private readonly ChartSamples _socket = new($"{name}: circuit WebSocket open");
    private readonly ChartSamples _circuit = new($"{name}: circuit's first render batch");
    private readonly ChartSamples _header = new($"{name}: header painted");
    private readonly ChartSamples _timeline = new($"{name}: timeline entries painted");
    private readonly ChartSamples _ready = new($"{name}: live chart (circuit) painted");

    public int Items { get; private set; }

    public void Add(ChartMarks marks)
    {
        if (marks.Ttfb is { } ttfb)
            _ttfb.Add(ttfb);
        if (marks.Circuit is { } circuit)
            _circuit.Add(circuit);
        if (marks.DomReady is { } domReady)
            _domReady.Add(domReady);
        if (marks.Socket is { } socket)
            _socket.Add(socket);
        _header.Add(marks.Header);
        _timeline.Add(marks.Timeline);
        _ready.Add(marks.Ready);
        Items = marks.Items;
    }

    public void Print()
    {
        if (pageLoad)
        {
            Console.WriteLine(_ttfb);
            Console.WriteLine(_domReady);
            Console.WriteLine(_socket);
            Console.WriteLine(_circuit);
        }
        Console.WriteLine(_header);
        Console.WriteLine(_timeline);
        // Inside the circuit the first painted chart is the live one; only a page load paints a prerendered one first.
        if (pageLoad)
            Console.WriteLine(_ready);
    }
}
