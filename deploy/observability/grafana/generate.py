#!/usr/bin/env python3
"""Writes the Grafana dashboards (one per service, one for the whole flow) next to this script.

Edit the panels here and run `python3 deploy/observability/grafana/generate.py`; the JSON files are committed so
Grafana can provision them as they are. deploy/e2e-tests checks that every metric they query is exported.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).parent / "dashboards"
DS = {"type": "prometheus", "uid": "${datasource}"}


def panel(title, exprs, unit="short", kind="timeseries", w=12, h=8, description=""):
    targets = [{"datasource": DS, "expr": e, "legendFormat": l, "refId": chr(65 + i)}
               for i, (e, l) in enumerate(exprs)]
    p = {"type": kind, "title": title, "datasource": DS, "targets": targets, "description": description,
         "fieldConfig": {"defaults": {"unit": unit}, "overrides": []}, "gridPos": {"w": w, "h": h}}
    if kind == "stat":
        p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "background"}
    return p


def row(title):
    return {"type": "row", "title": title, "collapsed": False, "gridPos": {"w": 24, "h": 1}, "panels": []}


def dashboard(uid, title, panels, job_filter=True):
    x, y, row_h, out = 0, 0, 0, []
    for i, p in enumerate(panels):
        g = p["gridPos"]
        if x + g["w"] > 24:
            x, y = 0, y + row_h
            row_h = 0
        g.update({"x": x, "y": y})
        p["id"] = i + 1
        x += g["w"]
        row_h = max(row_h, g["h"])
        out.append(p)
    templating = [{"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Prometheus"}]
    if job_filter:
        templating.append({"name": "instance", "type": "query", "datasource": DS, "label": "Instance",
                           "query": "label_values(madang_outbox_backlog_rows{job=\"%s\"}, instance)" % uid,
                           "includeAll": True, "multi": True, "current": {"text": "All", "value": "$__all"},
                           "refresh": 2})
    return {"uid": uid, "title": title, "tags": ["madang"], "timezone": "Asia/Seoul", "schemaVersion": 39,
            "version": 1, "refresh": "30s", "time": {"from": "now-6h", "to": "now"},
            "templating": {"list": templating}, "panels": out, "annotations": {"list": []}}


def common(job):
    sel = 'job="%s",instance=~"$instance"' % job
    return [
        row("HTTP"),
        panel("Requests per second by status",
              [('sum by (status) (rate(http_server_requests_seconds_count{%s}[5m]))' % sel, "{{status}}")], "reqps"),
        panel("5xx share",
              [('sum(rate(http_server_requests_seconds_count{%s,status=~"5.."}[5m])) / sum(rate(http_server_requests_seconds_count{%s}[5m]))' % (sel, sel), "5xx")],
              "percentunit"),
        panel("Latency p95 by endpoint",
              [('histogram_quantile(0.95, sum by (le, method, uri) (rate(http_server_requests_seconds_bucket{%s}[5m])))' % sel,
                "{{method}} {{uri}}")], "s", w=24),
        row("Outbox"),
        panel("Outbox backlog", [('sum by (instance) (madang_outbox_backlog_rows{%s})' % sel, "{{instance}}")],
              description="Events written but not yet on Kafka. Runbook: re-drive a stuck outbox."),
        panel("Oldest unpublished event", [('max by (instance) (madang_outbox_oldest_age_seconds{%s})' % sel, "{{instance}}")], "s"),
        panel("Events published per second", [('sum by (instance) (rate(madang_outbox_published_total{%s}[5m]))' % sel, "{{instance}}")], "ops"),
        row("JVM and database"),
        panel("Heap used", [('sum by (instance) (jvm_memory_used_bytes{%s,area="heap"})' % sel, "{{instance}}")], "bytes", w=8),
        panel("Process CPU", [('process_cpu_usage{%s}' % sel, "{{instance}}")], "percentunit", w=8),
        panel("DB connections", [('hikaricp_connections_active{%s}' % sel, "active {{instance}}"),
                                 ('hikaricp_connections_pending{%s}' % sel, "waiting {{instance}}")], w=8),
    ]


def consumer(job):
    sel = 'job="%s",instance=~"$instance"' % job
    return [
        row("Kafka consumer"),
        panel("Consumer lag by topic and partition",
              [('sum by (topic, partition) (kafka_consumer_fetch_manager_records_lag{%s})' % sel, "{{topic}} p{{partition}}")],
              description="Records not yet consumed. Growing lag: scale the service (runbook)."),
        panel("Records consumed per second",
              [('sum by (instance) (kafka_consumer_fetch_manager_records_consumed_rate{%s})' % sel, "{{instance}}")], "ops"),
        panel("Dead letters (10 min)",
              [('sum by (topic, group) (increase(madang_kafka_dead_letters_total{%s}[10m]))' % sel, "{{group}} ← {{topic}}")],
              description="Records this service could not handle. Runbook: replay dead letters.", w=24),
    ]


registration = dashboard("registration-service", "Madang · registration-service", [
    row("Registrations"),
    panel("Registrations by outcome (per minute)",
          [('sum by (outcome) (rate(madang_registrations_total{job="registration-service",instance=~"$instance"}[5m])) * 60', "{{outcome}}")],
          "short", w=16),
    panel("Registrations today", [('sum by (outcome) (increase(madang_registrations_total{job="registration-service",outcome=~"confirmed|waitlisted|pending_approval"}[24h]))', "{{outcome}}")],
          kind="stat", w=8),
] + common("registration-service"))

agreement = dashboard("agreement-service", "Madang · agreement-service", [
    row("Agreements (MOUs)"),
    panel("Agreements by state", [('max by (state) (madang_agreements{job="agreement-service"})', "{{state}}")], w=16),
    panel("Circulating for signature", [('max(madang_agreements{job="agreement-service",state="CIRCULATING"})', "circulating")],
          kind="stat", w=8),
] + common("agreement-service") + consumer("agreement-service"))

notification = dashboard("notification-service", "Madang · notification-service", [
    row("Messages"),
    panel("Messages by channel and status",
          [('max by (channel, status) (madang_notification_messages{job="notification-service"})', "{{channel}} {{status}}")], w=12),
    panel("Waiting to be sent", [('sum by (channel) (madang_notification_messages{job="notification-service",status=~"QUEUED|SENDING|TEMPORARY_FAILURE"})', "{{channel}}")],
          kind="stat", w=12),
    row("Providers"),
    panel("Provider attempts by outcome (per minute)",
          [('sum by (provider, outcome) (rate(madang_notification_provider_attempts_total{job="notification-service",instance=~"$instance"}[5m])) * 60', "{{provider}} {{outcome}}")]),
    panel("Provider error rate",
          [('sum by (provider) (rate(madang_notification_provider_attempts_total{job="notification-service",outcome="UNAVAILABLE"}[10m])) / sum by (provider) (rate(madang_notification_provider_attempts_total{job="notification-service",outcome=~"ACCEPTED|REFUSED|UNAVAILABLE"}[10m]))', "{{provider}}")],
          "percentunit"),
    panel("SMS circuit breakers (1 = open)",
          [('max by (provider) (madang_sms_circuit_state{job="notification-service",state=~"OPEN|FORCED_OPEN"})', "{{provider}}")],
          kind="stat", w=12, description="Open: the provider is skipped. Runbook: rotate an SMS provider's credentials."),
    panel("SMS circuit half-open", [('max by (provider) (madang_sms_circuit_state{job="notification-service",state="HALF_OPEN"})', "{{provider}}")],
          kind="stat", w=12),
] + common("notification-service") + consumer("notification-service"))

flow = dashboard("madang-flow", "Madang · registration to email", [
    row("One registration's path: POST → outbox → Kafka → notification → SMTP / SMS"),
    panel("1. Registrations (per minute)",
          [('sum by (outcome) (rate(madang_registrations_total{outcome=~"confirmed|waitlisted|pending_approval"}[5m])) * 60', "{{outcome}}")], w=8),
    panel("2. Oldest unpublished event per service", [('max by (job) (madang_outbox_oldest_age_seconds)', "{{job}}")], "s", w=8),
    panel("3. Consumer lag per service", [('sum by (job) (kafka_consumer_fetch_manager_records_lag_max)', "{{job}}")], w=8),
    panel("4. Messages waiting", [('sum by (channel) (madang_notification_messages{status=~"QUEUED|SENDING|TEMPORARY_FAILURE"})', "{{channel}}")], w=8),
    panel("5. Sent (per minute)",
          [('sum by (channel) (rate(madang_notification_provider_attempts_total{outcome="ACCEPTED"}[5m])) * 60', "{{channel}}")], w=8),
    panel("Dead letters (1 h)", [('sum by (group, topic) (increase(madang_kafka_dead_letters_total[1h]))', "{{group}} ← {{topic}}")], w=8),
    panel("5xx per service", [('sum by (job) (rate(http_server_requests_seconds_count{status=~"5.."}[5m]))', "{{job}}")], "reqps", w=12),
    panel("SMS circuits open", [('sum(madang_sms_circuit_state{state=~"OPEN|FORCED_OPEN"})', "open circuits")], kind="stat", w=12),
], job_filter=False)

HERE.mkdir(exist_ok=True)
for d in (registration, agreement, notification, flow):
    (HERE / (d["uid"] + ".json")).write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", d["uid"] + ".json")
