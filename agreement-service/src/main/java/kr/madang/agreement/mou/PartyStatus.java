package kr.madang.agreement.mou;

/** A party is a member of the agreement, or an institution acceding to it that has not signed yet. */
public enum PartyStatus {
    MEMBER, ACCEDING
}
