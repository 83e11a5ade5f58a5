-- Confirmation emails carry the ticket link and the short human check-in code (issue 16, item 2); the QR code is
-- added to the HTML part as an inline image by the service itself. A new version of each template: older versions
-- stay (every version is kept), the highest one is live.
insert into template (code, channel, language, version, subject, body, created_at, created_by)
select code, channel, language, v.version, subject, body, now(), 'migration'
from (values
  ('registration-confirmed', 'EMAIL', 'ko', $t$[디지털지역혁신포럼] 참가 등록이 확정되었습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}} 참가 등록이 확정되었습니다.

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}
등록번호: {{registrationId}}

행사 당일 입구에서 이 메일의 QR 코드나 아래 짧은 코드를 보여 주세요.
짧은 코드: {{ticketCode}}

티켓(QR 코드와 짧은 코드)은 언제든 아래 링크에서 다시 볼 수 있습니다.
{{ticketUrl}}

참석이 어려우시면 아래 링크에서 등록을 취소해 주세요. 대기자에게 자리가 돌아갑니다.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$),
  ('registration-confirmed', 'EMAIL', 'en', $t$[Digital Regional Innovation Forum] Your registration is confirmed$t$, $t$Dear {{name}},

Your place at {{forumTitle}} is confirmed.

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}
Registration number: {{registrationId}}

At the entrance, please show the QR code in this email or the short code below.
Short code: {{ticketCode}}

You can open your ticket (QR code and short code) again at any time here:
{{ticketUrl}}

If you can no longer attend, please cancel here so that someone on the waiting list can take your place:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$),
  ('registration-promoted', 'EMAIL', 'ko', $t$[디지털지역혁신포럼] 대기에서 참가가 확정되었습니다$t$, $t${{name}}님, 안녕하세요.

자리가 생겨 {{forumTitle}} 참가가 확정되었습니다 (대기 {{fromPosition}}번).

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

행사 당일 입구에서 이 메일의 QR 코드나 아래 짧은 코드를 보여 주세요.
짧은 코드: {{ticketCode}}

티켓(QR 코드와 짧은 코드)은 언제든 아래 링크에서 다시 볼 수 있습니다.
{{ticketUrl}}

참석이 어려우시면 아래 링크에서 취소해 주세요.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$),
  ('registration-promoted', 'EMAIL', 'en', $t$[Digital Regional Innovation Forum] A place has opened: your registration is confirmed$t$, $t$Dear {{name}},

A place has opened and your registration for {{forumTitle}} is now confirmed (you were number {{fromPosition}} on the waiting list).

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

At the entrance, please show the QR code in this email or the short code below.
Short code: {{ticketCode}}

You can open your ticket (QR code and short code) again at any time here:
{{ticketUrl}}

If you can no longer attend, please cancel here:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$)
) as t (code, channel, language, subject, body)
cross join lateral (
  select coalesce(max(version), 0) + 1 as version from template x
  where x.code = t.code and x.channel = t.channel and x.language = t.language
) v;
