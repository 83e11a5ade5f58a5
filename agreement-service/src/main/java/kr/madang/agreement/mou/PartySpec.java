package kr.madang.agreement.mou;

/** A party as HQ describes it; {@code step} is null for parallel signing (or to take the listed order). */
public record PartySpec(String institution, String representativeName, String representativeTitle, Contact contact,
                        Integer step) {
}
