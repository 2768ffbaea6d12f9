#!/usr/bin/env bash
# Installs the system packages the test suite needs, when missing:
#   - PostgreSQL server (initdb, postgres) for the CMDB tests on a real server
#   - OpenSSH server (sshd) and client (ssh, ssh-keygen) for the executor and apply tests
#   - git for the repository tests
# Idempotent; runs as root on Debian/Ubuntu (as CI does). Elsewhere it only reports what is missing.
set -euo pipefail

need=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then need+=(postgresql); fi
if [ ! -x /usr/sbin/sshd ]; then need+=(openssh-server); fi
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
command -v git >/dev/null 2>&1 || need+=(git)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-deps: missing packages: ${need[*]} (install them, or run as root on Debian)" >&2
  exit 1
fi

echo "setup-test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The PostgreSQL package would create and start a default cluster; the tests start their own.
mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/pigsty-gitops-tests.conf
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
