#!/usr/bin/env bash
# The CLI and server on PostgreSQL as an operator uses them. Needs DATABASE_URL (a database this
# script may drop and recreate) and, as $1, a URL of the server's maintenance database.
set -euo pipefail
admin_url="$1"
db_name="${DATABASE_URL##*/}"
jixiao() { node bin/jixiao.mjs "$@"; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

psql -q "$admin_url" -c "drop database if exists $db_name with (force)" -c "create database $db_name"

echo "-- first administrator on an empty PostgreSQL"
jixiao migrate
jixiao user create chief --role finance_admin --region 450202 --region-name 柳州市城中区 --name 财政局管理员 --password 'Chief-2024x'
jixiao user list >"$work/users.log"
grep -q chief "$work/users.log"

echo "-- demo district, import, export"
jixiao demo --reset
printf '预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）\n2024,45020224990001,城中区命令行导入测试项目,120,120001,一次性,否,1000.00,1000.00,1000.00,0\n' >"$work/p.csv"
jixiao import projects "$work/p.csv" | tee "$work/import.log"
grep -q "新增 1" "$work/import.log"
jixiao import projects "$work/p.csv" >"$work/again.log"
grep -q "未变 1" "$work/again.log"
printf '预算年度,项目编码\n2024,x\n' >"$work/bad.csv"
if jixiao import projects "$work/bad.csv"; then echo "a bad file must fail"; exit 1; fi
jixiao export projects --year 2024 --out "$work/projects.json"
node -e 'const d=require(process.argv[1]); if (d.rows.length !== 1714) { console.error("export rows", d.rows.length); process.exit(1) }' "$work/projects.json"

echo "-- server on PostgreSQL: health, login, clean stop on SIGTERM"
PORT=3099 node bin/jixiao.mjs serve >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:3099/api/health >/dev/null && break; sleep 1; done
curl -sf http://127.0.0.1:3099/api/health | grep '"database":"postgres"' >/dev/null
curl -sf -H 'content-type: application/json' -d '{"username":"finance","password":"jixiao-demo"}' http://127.0.0.1:3099/api/v1/auth/login | grep '"role":"finance_admin"' >/dev/null
kill -TERM "$pid"
wait "$pid"
grep -q "SIGTERM" "$work/serve.log"
psql -q "$admin_url" -c "drop database if exists $db_name with (force)"
echo "cli smoke on PostgreSQL: ok"
