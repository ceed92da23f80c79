"""What `budget-etl run` shows while it works, on stderr and only on a terminal (quiet when piped or
redirected): a line per document, then each warehouse build step with its time, from Dagster's events."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from dagster import EventLogEntry

if TYPE_CHECKING:
    from dagster._core.definitions.assets.graph.asset_graph import AssetGraph

# the asset groups of the warehouse job, as the build steps a person reads
BUILD_STEPS = {"staging": "staging", "marts": "marts", "quality": "checks", "publish": "publish"}


class Progress:
    """Lines for a person watching: shown when `stream` is a terminal, unless `terminal` says otherwise."""

    def __init__(self, stream: TextIO | None = None, terminal: bool | None = None):
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty() if terminal is None else terminal

    def say(self, text: str, end: str = "\n") -> None:
        if self.shown:
            self.stream.write(text + end)
            self.stream.flush()


class BuildSteps:
    """An event listener of the warehouse job's run: `staging … 1.2 s` once a step is over, its time
    counted from the end of the step before (the first from the run's first step start)."""

    def __init__(self, progress: Progress, graph: AssetGraph):
        self.progress = progress
        self.graph = graph
        self.step: str | None = None
        self.since: float | None = None  # when the current step began
        self.last: float | None = None  # its latest event

    def __call__(self, entry: EventLogEntry) -> None:
        event = entry.dagster_event
        if event is None:
            return
        if event.is_step_start and self.since is None:
            self.since = entry.timestamp
        elif event.is_job_event and (event.is_job_success or event.is_failure):
            self.finish()
        else:
            step = self.step_of(event)
            if step and step != self.step:
                self.finish()
                self.step, self.since = step, self.last or self.since or entry.timestamp
                self.progress.say(f"  {step} … ", end="")
            if step:
                self.last = entry.timestamp

    def step_of(self, event) -> str | None:
        if event.is_step_materialization:
            return BUILD_STEPS.get(self.graph.get(event.asset_key).group_name)
        return "checks" if event.event_type_value == "ASSET_CHECK_EVALUATION" else None

    def finish(self) -> None:
        if self.step:
            self.progress.say(f"{self.last - self.since:.1f} s")
            self.step = None
