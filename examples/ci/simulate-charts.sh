#!/bin/sh
# Simulates every synthesized chart with its CI scenario and fails the build when a chart has no
# scenario, a manifest or scenario is invalid, or an `expect:` check fails. Copy it to ci/ in your
# cdk8s app; `npm run simulate` and the GitHub Actions workflow next to it call it.
#
#   sh ci/simulate-charts.sh [DIST] [SCENARIOS] [REPORTS]     (defaults: dist ci/scenarios reports)
#
# dist/<chart>.k8s.yaml is simulated with SCENARIOS/<chart>.yaml; the JSON report (with its
# `expectations` array) goes to REPORTS/<chart>.json, failed checks to stderr. Exit code: 0 every
# chart passed, 3 an expectation failed, 1 a chart without a scenario or invalid input
# (cdk8s-workloads exit codes: 0 ok, 1 invalid input, 2 usage, 3 expectation failed).
# Set CDK8S_WORKLOADS to the command to run (default: npx --no-install cdk8s-workloads).
set -u
dist=${1:-dist}
scenarios=${2:-ci/scenarios}
reports=${3:-reports}
bin=${CDK8S_WORKLOADS:-npx --no-install cdk8s-workloads}
mkdir -p "$reports"
invalid=0
failed=0
found=0
for chart in "$dist"/*.k8s.yaml; do
  [ -f "$chart" ] || continue
  found=1
  name=$(basename "$chart" .k8s.yaml)
  scenario="$scenarios/$name.yaml"
  if [ ! -f "$scenario" ]; then
    echo "error: $chart has no scenario: add $scenario with an expect: block" >&2
    invalid=1
    continue
  fi
  $bin simulate "$chart" --scenario "$scenario" --format json --out "$reports/$name.json"
  code=$?
  case $code in
    0) echo "ok      $name" >&2 ;;
    3) echo "FAILED  $name: an expect: check failed (above; report in $reports/$name.json)" >&2; failed=1 ;;
    *) echo "ERROR   $name: cdk8s-workloads exited $code" >&2; invalid=1 ;;
  esac
done
if [ $found -eq 0 ]; then
  echo "error: no charts in $dist/ (run cdk8s synth first)" >&2
  exit 1
fi
[ $invalid -eq 0 ] || exit 1
[ $failed -eq 0 ] || exit 3
exit 0
