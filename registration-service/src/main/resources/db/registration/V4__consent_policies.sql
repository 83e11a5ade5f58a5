-- Consent texts as PIPA Art. 15(2) asks them to be told: purpose, items, retention period, the right to refuse and what
-- refusing means, in Korean and English. A published version is never changed (a registration points at the text the
-- person agreed to); a new text is a new version.
create table consent_policy (
    version              text        primary key,
    published_at         timestamptz not null,
    purpose_ko           text        not null,
    purpose_en           text        not null,
    items_ko             text        not null,
    items_en             text        not null,
    retention_ko         text        not null,
    retention_en         text        not null,
    right_to_refuse_ko   text        not null,
    right_to_refuse_en   text        not null,
    refusal_consequence_ko text      not null,
    refusal_consequence_en text      not null
);

insert into consent_policy values ('2023-01', '2023-01-01T00:00:00+09:00',
    '행사 운영: 참가 등록 확인, 행사 안내(이메일·문자), 현장 접수와 출입 확인, 접근성 지원',
    'Running the event: confirming your registration, event notices (email and text message), check-in at the venue, accessibility support',
    '필수: 이름, 이메일, 휴대전화 번호, 소속 / 선택: 직위, 접근성 요청 사항, 식이 요구 사항',
    'Required: name, email, mobile phone number, organisation / Optional: job title, accessibility needs, dietary needs',
    '행사 종료 후 90일이 지나면 지체 없이 파기합니다. 삭제를 요청하시면 그 전에라도 파기합니다.',
    'Deleted without delay 90 days after the event ends, or earlier if you ask us to delete them.',
    '개인정보 수집·이용에 동의하지 않을 권리가 있습니다.',
    'You have the right to refuse consent to the collection and use of your personal data.',
    '동의하지 않으시면 참가 등록을 할 수 없습니다. 선택 항목은 적지 않아도 등록할 수 있습니다.',
    'Without consent you cannot register for the event. You can register without filling in the optional items.');
