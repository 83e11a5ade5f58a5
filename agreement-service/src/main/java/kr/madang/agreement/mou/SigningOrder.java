package kr.madang.agreement.mou;

/** All parties sign at once, or in steps (several parties may share a step). */
public enum SigningOrder {
    PARALLEL, SEQUENTIAL
}
