namespace KMN.Orleans.PortalTests.Services;

/// <summary>A clock that moves only when the test says so; its timers fire inside <see cref="Advance"/>.</summary>
public sealed class StepClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<StepTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new StepTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
            _timers.Add(timer);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<StepTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due(_now))];
        }
        foreach (var timer in due)
            timer.Fire();
    }

    private sealed class StepTimer(StepClock clock, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset? _next;
        private TimeSpan _period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _next = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                _period = period;
            }
            return true;
        }

        /// <summary>Called under the clock's lock: whether it fires now (then it is rescheduled, once per advance).</summary>
        public bool Due(DateTimeOffset now)
        {
            if (_next is not { } next || next > now)
                return false;
            _next = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
                clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
