package kr.madang.agreement.mou;

/** Where a party's notices go. Phone is E.164; language is "ko" or "en". */
public record Contact(String name, String email, String phone, String language) {
}
