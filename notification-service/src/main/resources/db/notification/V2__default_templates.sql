-- Default templates for every template code, channel and language (version 1). Edit them through the API,
-- which adds versions; this migration never changes.
insert into template (code, channel, language, version, subject, body, created_at, created_by) values
  ('registration-confirmed', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참가 등록이 확정되었습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}} 참가 등록이 확정되었습니다.

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}
등록번호: {{registrationId}}

행사 당일 입구에서 아래 체크인 코드를 제시해 주세요.
체크인 코드: {{checkInCode}}

참석이 어려우시면 아래 링크에서 등록을 취소해 주세요. 대기자에게 자리가 돌아갑니다.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-confirmed', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Your registration is confirmed$t$, $t$Dear {{name}},

Your place at {{forumTitle}} is confirmed.

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}
Registration number: {{registrationId}}

Please show this check-in code at the entrance:
{{checkInCode}}

If you can no longer attend, please cancel here so that someone on the waiting list can take your place:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('registration-confirmed', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{name}}님, {{forumTitle}} 참가 등록이 확정되었습니다. {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('registration-confirmed', 'SMS', 'en', 1, null, $t$[DRIF] {{name}}, your place at {{forumTitle}} is confirmed. {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('registration-waitlisted', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 대기자로 등록되었습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}}의 정원이 모두 차서 대기자 {{waitlistPosition}}번으로 등록되었습니다. 취소자가 생기면 순서대로 자동 확정되며, 확정되면 바로 알려 드립니다.

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

대기를 원하지 않으시면 아래 링크에서 취소하실 수 있습니다.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-waitlisted', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] You are on the waiting list$t$, $t$Dear {{name}},

{{forumTitle}} is full, so you are number {{waitlistPosition}} on the waiting list. Places are offered in order as others cancel, and we will tell you at once if you get one.

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

If you no longer wish to wait, you can cancel here:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('registration-waitlisted', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{name}}님, {{forumTitle}} 대기 {{waitlistPosition}}번으로 등록되었습니다. 확정 시 안내드립니다.$t$, now(), 'migration'),
  ('registration-waitlisted', 'SMS', 'en', 1, null, $t$[DRIF] {{name}}, you are number {{waitlistPosition}} on the waiting list for {{forumTitle}}. We will tell you if a place opens.$t$, now(), 'migration'),
  ('registration-pending-approval', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참가 신청이 접수되었습니다 (승인 대기)$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}} 참가 신청이 접수되었습니다. 사무국 검토 후 승인 결과를 알려 드립니다.

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

신청을 취소하시려면 아래 링크를 이용해 주세요.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-pending-approval', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] We have received your registration (awaiting approval)$t$, $t$Dear {{name}},

We have received your registration for {{forumTitle}}. The secretariat will review it and tell you the outcome.

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

To withdraw your registration:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('registration-promoted', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 대기에서 참가가 확정되었습니다$t$, $t${{name}}님, 안녕하세요.

자리가 생겨 {{forumTitle}} 참가가 확정되었습니다 (대기 {{fromPosition}}번).

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

행사 당일 입구에서 아래 체크인 코드를 제시해 주세요.
체크인 코드: {{checkInCode}}

참석이 어려우시면 아래 링크에서 취소해 주세요.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-promoted', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] A place has opened: your registration is confirmed$t$, $t$Dear {{name}},

A place has opened and your registration for {{forumTitle}} is now confirmed (you were number {{fromPosition}} on the waiting list).

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

Please show this check-in code at the entrance:
{{checkInCode}}

If you can no longer attend, please cancel here:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('registration-promoted', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{name}}님, 대기 중이시던 {{forumTitle}} 참가가 확정되었습니다. {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('registration-promoted', 'SMS', 'en', 1, null, $t$[DRIF] {{name}}, a place opened: you are confirmed for {{forumTitle}}. {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('registration-rejected', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참가 신청 결과를 알려 드립니다$t$, $t${{name}}님, 안녕하세요.

아쉽게도 {{forumTitle}} 참가 신청이 승인되지 않았습니다.
사유: {{reason}}

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

문의 사항은 사무국으로 연락해 주세요.

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-rejected', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] About your registration$t$, $t$Dear {{name}},

We are sorry: your registration for {{forumTitle}} could not be approved.
Reason: {{reason}}

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

Please contact the secretariat with any questions.

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('registration-cancelled', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참가 등록이 취소되었습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}} 참가 등록이 취소되었습니다.
사유: {{reason}}

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

본인이 취소하지 않으셨다면 사무국으로 연락해 주세요.

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-cancelled', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Your registration has been cancelled$t$, $t$Dear {{name}},

Your registration for {{forumTitle}} has been cancelled.
Reason: {{reason}}

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

If you did not ask for this, please contact the secretariat.

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('registration-cancelled', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{name}}님, {{forumTitle}} 참가 등록이 취소되었습니다.$t$, now(), 'migration'),
  ('registration-cancelled', 'SMS', 'en', 1, null, $t$[DRIF] {{name}}, your registration for {{forumTitle}} has been cancelled.$t$, now(), 'migration'),
  ('attendee-checked-in', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 입장이 확인되었습니다$t$, $t${{name}}님, {{forumTitle}}에 오신 것을 환영합니다.

입장이 {{checkedInAt}}에 확인되었습니다.

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('attendee-checked-in', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] You are checked in$t$, $t$Welcome to {{forumTitle}}, {{name}}.

Your check-in was recorded at {{checkedInAt}}.

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('forum-event-rescheduled', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 행사 일정 또는 장소가 변경되었습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}}의 일정 또는 장소가 변경되었습니다.

변경 전: {{previousStartsAt}}, {{previousVenue}}
변경 후: {{startsAt}} ~ {{endsAt}}, {{venue}}

등록은 그대로 유지됩니다. 참석이 어려우시면 사무국으로 알려 주세요.

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('forum-event-rescheduled', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The date or venue has changed$t$, $t$Dear {{name}},

The date or venue of {{forumTitle}} has changed.

Before: {{previousStartsAt}}, {{previousVenue}}
Now: {{startsAt}} to {{endsAt}}, {{venue}}

Your registration stands. If you can no longer attend, please let the secretariat know.

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('forum-event-rescheduled', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{forumTitle}} 일정/장소 변경: {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('forum-event-rescheduled', 'SMS', 'en', 1, null, $t$[DRIF] {{forumTitle}} has moved: {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('forum-event-cancelled', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 행사가 취소되었습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}}이(가) 취소되었음을 알려 드립니다.
사유: {{reason}}

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

불편을 드려 죄송합니다.

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('forum-event-cancelled', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The event has been cancelled$t$, $t$Dear {{name}},

We are sorry to tell you that {{forumTitle}} has been cancelled.
Reason: {{reason}}

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

We apologise for the inconvenience.

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('forum-event-cancelled', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{forumTitle}}이(가) 취소되었습니다. 사유: {{reason}}$t$, now(), 'migration'),
  ('forum-event-cancelled', 'SMS', 'en', 1, null, $t$[DRIF] {{forumTitle}} has been cancelled. Reason: {{reason}}$t$, now(), 'migration'),
  ('event-reminder', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 내일 행사에서 뵙겠습니다$t$, $t${{name}}님, 안녕하세요.

내일 {{forumTitle}}이(가) 열립니다.

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

입구에서 체크인 코드를 제시해 주세요.
체크인 코드: {{checkInCode}}

참석이 어려우시면 아래 링크에서 취소해 주세요.
{{cancellationUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('event-reminder', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] See you tomorrow$t$, $t$Dear {{name}},

{{forumTitle}} takes place tomorrow.

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

Please show your check-in code at the entrance:
{{checkInCode}}

If you can no longer attend, please cancel here:
{{cancellationUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('event-reminder', 'SMS', 'ko', 1, null, $t$[디지털포럼] 내일 {{forumTitle}}: {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('event-reminder', 'SMS', 'en', 1, null, $t$[DRIF] Tomorrow: {{forumTitle}}, {{startsAt}}, {{venue}}$t$, now(), 'migration'),
  ('agreement-drafted', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약 초안이 작성되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

귀 기관이 참여하는 업무협약 초안이 작성되었습니다. 서명 요청 시 별도로 안내드립니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)
참여 기관 수: {{partyCount}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-drafted', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] A draft agreement has been prepared$t$, $t$Dear {{name}} ({{institution}}),

A draft of an agreement your institution is party to has been prepared. You will be asked separately when it is ready to sign.

Agreement: {{agreementTitle}} (version {{agreementVersion}})
Parties: {{partyCount}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-circulated', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약 서명을 요청드립니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

아래 업무협약의 검토 및 서명을 요청드립니다 ({{step}}단계).

협약: {{agreementTitle}} (제{{agreementVersion}}판)

아래 링크에서 문서를 검토하고 서명 또는 반려해 주세요. 링크는 귀 기관 전용입니다.
{{signingUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-circulated', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Please review and sign the agreement$t$, $t$Dear {{name}} ({{institution}}),

Please review and sign the agreement below (signing step {{step}}).

Agreement: {{agreementTitle}} (version {{agreementVersion}})

Review the document and sign or decline here. The link is for your institution only:
{{signingUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-circulated', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{institution}} 업무협약 서명 요청: {{signingUrl}}$t$, now(), 'migration'),
  ('agreement-circulated', 'SMS', 'en', 1, null, $t$[DRIF] {{institution}}: please sign the agreement: {{signingUrl}}$t$, now(), 'migration'),
  ('signing-reminder', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약 서명을 기다리고 있습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

아직 서명하지 않으신 업무협약이 있어 다시 안내드립니다 ({{reminderNumber}}차).

협약: {{agreementTitle}} (제{{agreementVersion}}판)

{{signingUrl}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('signing-reminder', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Reminder: the agreement awaits your signature$t$, $t$Dear {{name}} ({{institution}}),

The agreement below still awaits your institution's signature (reminder {{reminderNumber}}).

Agreement: {{agreementTitle}} (version {{agreementVersion}})

{{signingUrl}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('signing-reminder', 'SMS', 'ko', 1, null, $t$[디지털포럼] {{institution}} 업무협약 서명 요청({{reminderNumber}}차): {{signingUrl}}$t$, now(), 'migration'),
  ('signing-reminder', 'SMS', 'en', 1, null, $t$[DRIF] {{institution}}: the agreement awaits your signature: {{signingUrl}}$t$, now(), 'migration'),
  ('party-signed', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참여 기관이 서명했습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

{{signerInstitution}}({{signerName}})이(가) 업무협약에 서명했습니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('party-signed', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] A party has signed$t$, $t$Dear {{name}} ({{institution}}),

{{signerInstitution}} ({{signerName}}) has signed the agreement.

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('party-declined', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참여 기관이 서명을 반려했습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

{{declinedInstitution}}이(가) 업무협약 서명을 반려하여 협약이 재협의 단계로 돌아갔습니다.
사유: {{reason}}

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('party-declined', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] A party has declined to sign$t$, $t$Dear {{name}} ({{institution}}),

{{declinedInstitution}} has declined to sign, so the agreement returns to negotiation.
Reason: {{reason}}

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('party-acceded', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 새 기관이 업무협약에 참여했습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

{{accededInstitution}}이(가) 업무협약에 새로 참여했습니다. 참여 기관은 {{partyCount}}개입니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('party-acceded', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] A new institution has joined the agreement$t$, $t$Dear {{name}} ({{institution}}),

{{accededInstitution}} has joined the agreement. It now has {{partyCount}} parties.

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-executed', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약이 체결되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

모든 참여 기관의 서명으로 업무협약이 체결되었습니다. 협력에 감사드립니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)
효력 발생일: {{effectiveDate}}
종료일: {{endDate}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-executed', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement has been executed$t$, $t$Dear {{name}} ({{institution}}),

Every party has signed and the agreement is executed. Thank you for your cooperation.

Agreement: {{agreementTitle}} (version {{agreementVersion}})
Effective: {{effectiveDate}}
Ends: {{endDate}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-activated', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약의 효력이 발생했습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약의 효력이 {{effectiveDate}}부터 발생했습니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)
종료일: {{endDate}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-activated', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement is now in effect$t$, $t$Dear {{name}} ({{institution}}),

The agreement is in effect from {{effectiveDate}}.

Agreement: {{agreementTitle}} (version {{agreementVersion}})
Ends: {{endDate}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-amended', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약이 개정되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약이 개정되어 제{{previousVersion}}판에서 제{{agreementVersion}}판이 되었습니다. 개정판에 대한 서명 요청은 별도로 안내드립니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-amended', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement has been amended$t$, $t$Dear {{name}} ({{institution}}),

The agreement has been amended from version {{previousVersion}} to version {{agreementVersion}}. You will be asked separately to sign the new version.

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-expiring', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약 종료가 다가옵니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약이 {{daysLeft}}일 후({{endDate}}) 종료됩니다. 연장이 필요하시면 사무국으로 알려 주세요.

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-expiring', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement ends soon$t$, $t$Dear {{name}} ({{institution}}),

The agreement ends in {{daysLeft}} days ({{endDate}}). Please tell the secretariat if it should be renewed.

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-expired', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약이 종료되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약이 {{endDate}}에 종료되었습니다. 그동안의 협력에 감사드립니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-expired', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement has expired$t$, $t$Dear {{name}} ({{institution}}),

The agreement ended on {{endDate}}. Thank you for your cooperation.

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-renewed', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약이 연장되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약이 연장되었습니다. 새 종료일은 {{endDate}}입니다.

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-renewed', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement has been renewed$t$, $t$Dear {{name}} ({{institution}}),

The agreement has been renewed. It now ends on {{endDate}}.

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('agreement-terminated', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 업무협약이 해지되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약이 해지되었습니다.
사유: {{reason}}

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('agreement-terminated', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The agreement has been terminated$t$, $t$Dear {{name}} ({{institution}}),

The agreement has been terminated.
Reason: {{reason}}

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('circulation-withdrawn', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 서명 요청이 철회되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약 서명 요청이 철회되었습니다. 이전에 받으신 서명 링크는 더 이상 사용할 수 없습니다.
사유: {{reason}}

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('circulation-withdrawn', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The request to sign has been withdrawn$t$, $t$Dear {{name}} ({{institution}}),

The request to sign the agreement has been withdrawn; earlier signing links no longer work.
Reason: {{reason}}

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('signing-ceremony-changed', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 협약식 일정이 변경되었습니다$t$, $t${{name}}님({{institution}}), 안녕하세요.

업무협약 협약식에 변경 사항이 있습니다 ({{change}}).
{{detail}}

협약: {{agreementTitle}} (제{{agreementVersion}}판)

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('signing-ceremony-changed', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] The signing ceremony has changed$t$, $t$Dear {{name}} ({{institution}}),

There is a change to the signing ceremony ({{change}}).
{{detail}}

Agreement: {{agreementTitle}} (version {{agreementVersion}})

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('signing-ceremony-changed', 'SMS', 'ko', 1, null, $t$[디지털포럼] 협약식 변경({{change}}): {{detail}}$t$, now(), 'migration'),
  ('signing-ceremony-changed', 'SMS', 'en', 1, null, $t$[DRIF] Signing ceremony change ({{change}}): {{detail}}$t$, now(), 'migration'),
  ('secretariat-approval-needed', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 참가 승인 요청: {{forumTitle}}$t$, $t$새 참가 신청이 승인을 기다립니다.

신청자: {{name}} ({{organisation}}, {{attendeeType}})
등록번호: {{registrationId}}

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('secretariat-approval-needed', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Approval needed: {{forumTitle}}$t$, $t$A new registration awaits approval.

Applicant: {{name}} ({{organisation}}, {{attendeeType}})
Registration number: {{registrationId}}

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('secretariat-party-declined', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 협약 반려: {{declinedInstitution}}$t$, $t${{declinedInstitution}}이(가) 업무협약 서명을 반려했습니다.
사유: {{reason}}

협약: {{agreementTitle}} (제{{agreementVersion}}판)
협약 ID: {{agreementId}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('secretariat-party-declined', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Declined: {{declinedInstitution}}$t$, $t${{declinedInstitution}} has declined to sign.
Reason: {{reason}}

Agreement: {{agreementTitle}} (version {{agreementVersion}})
Agreement id: {{agreementId}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration'),
  ('secretariat-dead-letter', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 처리하지 못한 이벤트가 있습니다$t$, $t$알림 서비스가 처리하지 못한 레코드가 데드레터로 이동했습니다.

토픽: {{topic}}
사유: {{reason}}
데드레터 ID: {{deadLetterId}}

원인을 해결한 뒤 운영 API에서 재처리해 주세요.

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('secretariat-dead-letter', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] A record could not be processed$t$, $t$notification-service could not process a record and moved it to its dead-letter topic.

Topic: {{topic}}
Reason: {{reason}}
Dead letter id: {{deadLetterId}}

Replay it from the operations API once the cause is fixed.

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration');
