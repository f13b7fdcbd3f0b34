"use client";
// A live "12.3 s" counter for work in progress, so a user sees a pending request is alive.
import { useEffect, useState } from "react";

export function ElapsedTimer({ startedAt, className }: { startedAt: number; className?: string }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - startedAt) / 1000);
  return (
    <span role="timer" aria-label="Elapsed time" data-testid="elapsed-timer" className={className}>
      {seconds.toFixed(1)} s
    </span>
  );
}
