-- "Someone registered your address again": sent to the registered person when a caller without a token tries, so
-- the caller learns nothing (registration-service answers them as a newcomer) and the person knows.
insert into template (code, channel, language, version, subject, body, created_at, created_by) values
  ('registration-attempt-repeated', 'EMAIL', 'ko', 1, $t$[디지털지역혁신포럼] 이미 등록된 주소로 다시 신청이 들어왔습니다$t$, $t${{name}}님, 안녕하세요.

{{forumTitle}}에 이 이메일 주소로 참가 신청이 한 번 더 들어왔습니다.
{{name}}님의 기존 등록은 그대로 유지되며, 따로 하실 일은 없습니다.

본인이 신청하신 것이 아니라면 이 메일은 무시하셔도 됩니다. 다른 사람에게는 이 주소가 등록되어 있는지 알리지 않았습니다.

행사: {{forumTitle}}
일시: {{startsAt}} ~ {{endsAt}}
장소: {{venue}}

디지털지역혁신포럼 사무국$t$, now(), 'migration'),
  ('registration-attempt-repeated', 'EMAIL', 'en', 1, $t$[Digital Regional Innovation Forum] Someone registered your address again$t$, $t$Dear {{name}},

Your email address was just used again to register for {{forumTitle}}.
Your registration stays as it was; there is nothing you need to do.

If this was not you, you may ignore this message. Nobody else was told whether your address is registered.

Event: {{forumTitle}}
When: {{startsAt}} to {{endsAt}}
Where: {{venue}}

The Forum Secretariat
Digital Regional Innovation Forum$t$, now(), 'migration');
