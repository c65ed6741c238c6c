namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>
/// Runs in the page before the portal's own scripts (a Playwright init script) and stamps, with the page's clock
/// (performance.now(): milliseconds since navigation start), the frame in which the chart header first shows, the
/// first timeline entries show, and the chart is drawn by the live Blazor circuit (after a render batch arrived
/// over /_blazor) rather than by the prerender. Each stamp is taken in the animation frame after the DOM change,
/// i.e. when the browser paints it.
/// </summary>
public static class ChartTimingScript
{
    public const string Source = """
        (() => {
          let batches = 0;
          let socketOpenAt = null; // the circuit's WebSocket is open (after the page's scripts ran and negotiated)
          let firstBatchAt = null; // the circuit's first render batch on this page: the live circuit is up
          const Native = window.WebSocket;
          // A render batch names its target ("JS.RenderBatch") in the first bytes of the blazorpack message.
          const isBatch = data => typeof data === 'string' ? data.includes('JS.RenderBatch')
            : data instanceof ArrayBuffer && new TextDecoder('latin1').decode(new Uint8Array(data, 0, Math.min(96, data.byteLength))).includes('JS.RenderBatch');
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              if (String(args[0]).includes('/_blazor'))
                this.addEventListener('open', () => { if (socketOpenAt === null) socketOpenAt = performance.now(); });
              if (String(args[0]).includes('/_blazor'))
                this.addEventListener('message', e => { if (isBatch(e.data)) { batches++; if (batches === 1) firstBatchAt = performance.now(); } });
            }
          };

          const watch = (start, batchesBefore) => new Promise(resolve => {
            const marks = { header: null, timeline: null, ready: null, items: 0, ttfb: null, circuit: null, domReady: null, socket: null };
            const stamp = (name, after) => {
              marks[name] = -1; // pending until the frame is painted
              requestAnimationFrame(() => { marks[name] = performance.now() - start; if (after) after(); });
            };
            const check = () => {
              const header = document.querySelector('[data-testid=chart-header]');
              const items = document.querySelectorAll('[data-testid=timeline-item]').length;
              if (header && marks.header === null) stamp('header');
              if (items > 0 && marks.timeline === null) stamp('timeline');
              if (header && items > 0 && batches > batchesBefore && marks.ready === null) {
                marks.items = items;
                stamp('ready', () => {
                  observer.disconnect();
                  const nav = start === 0 ? performance.getEntriesByType('navigation')[0] : null;
                  marks.ttfb = nav ? nav.responseStart : null;
                  marks.circuit = nav && firstBatchAt !== null ? firstBatchAt : null;
                  marks.domReady = nav ? nav.domContentLoadedEventEnd : null;
                  marks.socket = nav && socketOpenAt !== null ? socketOpenAt : null;
                  resolve(marks);
                });
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { childList: true, subtree: true });
            check();
          });

          // A full page load (typed URL, reload): measured from navigation start.
          window.__kmnChartLoad = watch(0, 0);
          // Navigation inside the running circuit (a link in the portal): measured from the call.
          window.__kmnChartNavigate = url => {
            const done = watch(performance.now(), batches);
            Blazor.navigateTo(url);
            return done;
          };
        })();
        """;
}
