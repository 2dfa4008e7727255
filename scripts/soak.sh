#!/usr/bin/env bash
# The long version of bitext's safety tests, for before a release or after
# touching workflow/files or the write order in workflow/project: kills
# bitext at random moments of each command of the fault scenario, races
# editor saves against update, and races saves against single writes,
# many more times than go test ./... does. Nothing may be lost.
#
#   scripts/soak.sh            # 1,000 kills, 1,000 racing saves
#   KILLS=5000 RACES=2000 scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${KILLS:-1000}
RACES=${RACES:-1000}
go test ./cmd/bitext -run 'TestKillAtRandom|TestSavesRacingUpdate|TestFaultAtEveryWrite' -count=1 -timeout 0 -v \
	-kills "$KILLS" -races "$RACES" | grep -E '^(---|ok|FAIL|PASS)|runs killed|saves raced|faults injected|lost'
go test ./workflow/files -run 'TestRacingSaves|TestSaveAtEveryStep|TestFaultAtEveryStep' -count=3 -v | grep -E '^(---|ok|FAIL|PASS)|racing saves'
