package kr.madang.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import kr.madang.platform.pages.FieldErrors;
import org.junit.jupiter.api.Test;

class EventFormInputUnitTests {

    private static final EventFormInput.Texts KEYS = key -> key;

    @Test
    void sessionRowsComeInIndexOrderAndAGapLeftByARemovedRowCloses() {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("title", new String[]{"포럼"});
        params.put("sessions[5].title", new String[]{"셋째"});
        params.put("sessions[0].title", new String[]{"첫째"});
        params.put("sessions[2].title", new String[]{"둘째"});
        params.put("sessions[2].capacity", new String[]{"40"});
        params.put("sessions[x].title", new String[]{"무시"});

        EventFormInput input = EventFormInput.of(params);

        assertThat(input.sessions()).extracting(EventFormInput.SessionInput::title).containsExactly("첫째", "둘째", "셋째");
        assertThat(input.sessions().get(1).capacity()).isEqualTo("40");
        assertThat(input.withSessionRemoved(0).sessions()).extracting(EventFormInput.SessionInput::title)
                .containsExactly("둘째", "셋째");
        assertThat(input.withSessionRemoved(9).sessions()).hasSize(3);
        assertThat(input.withSessionAdded().sessions()).hasSize(4);
    }

    @Test
    void whatCannotBeReadIsNamedBesideItsFieldAndNothingIsRequested() {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("title", new String[]{"포럼"});
        params.put("region", new String[]{"ATLANTIS"});
        params.put("venue", new String[]{"제주대학교"});
        params.put("startsAt", new String[]{"2027-02-06 13:00"});
        params.put("endsAt", new String[]{"next week"});
        params.put("capacity", new String[]{"0"});
        params.put("sessions[0].kind", new String[]{"KEYNOTE"});
        params.put("sessions[0].title", new String[]{" "});
        params.put("sessions[0].startsAt", new String[]{"2027-02-06T14:00"});
        params.put("sessions[0].endsAt", new String[]{"2027-02-06T15:00"});
        params.put("sessions[0].capacity", new String[]{"-1"});
        FieldErrors errors = FieldErrors.none();

        assertThat(EventFormInput.of(params).request(errors, KEYS)).isNull();

        assertThat(errors.all()).containsOnlyKeys("region", "endsAt", "capacity", "sessions-0-title", "sessions-0-capacity");
        assertThat(errors.get("endsAt")).isEqualTo("registration.eventForm.error.dateTime");
        assertThat(errors.get("capacity")).isEqualTo("registration.eventForm.error.capacity");
    }

    @Test
    void theApisFieldNamesMapOntoTheFormsInputs() {
        assertThat(EventFormInput.inputOf("sessions[2].startsAt")).isEqualTo("sessions-2-startsAt");
        assertThat(EventFormInput.inputOf("hosts[1].<list element>")).isEqualTo("hosts");
        assertThat(EventFormInput.inputOf("endsAt")).isEqualTo("endsAt");
        assertThat(EventFormInput.inputOf(null)).isEqualTo(FieldErrors.FORM);
    }
}
