package kr.madang.e2e;

/** The MOU nine institutions signed at the 1st forum in Jeju on 2023-02-06 (from the forum's press release). */
final class JejuMou {

    static final String JSON = """
            {"title":"디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약",
             "purpose":"지역의 디지털 혁신과 디지털플랫폼정부 실현을 위한 협력",
             "cooperationItems":["지역 디지털 전환 계획 수립 및 정책 자문","전문 인력 양성을 위한 공동 교육 프로그램","공동 정책 연구 및 연구개발"],
             "signingOrder":"PARALLEL",
             "effectiveDate":"2023-02-06","termMonths":24,"autoRenew":false,
             "documentText":"제1조(목적) 이 협약은 지역의 디지털 혁신과 디지털플랫폼정부 실현을 위하여 협력함을 목적으로 한다.",
             "parties":[
              {"institution":"한국지방행정연구원","representativeName":"대표 1","contact":{"email":"krila@example.kr","language":"ko"}},
              {"institution":"제주특별자치도","representativeName":"대표 2","contact":{"email":"jeju@example.kr","language":"ko"}},
              {"institution":"한국지역정보개발원","representativeName":"대표 3","contact":{"email":"klid@example.kr","language":"ko"}},
              {"institution":"한국공법학회","representativeName":"대표 4","contact":{"email":"kpla@example.kr","language":"ko"}},
              {"institution":"한국IT서비스학회","representativeName":"대표 5","contact":{"email":"kitss@example.kr","language":"ko"}},
              {"institution":"제주연구원","representativeName":"대표 6","contact":{"email":"jri@example.kr","language":"ko"}},
              {"institution":"제주대학교","representativeName":"대표 7","contact":{"email":"jnu@example.kr","language":"ko"}},
              {"institution":"제주테크노파크","representativeName":"대표 8","contact":{"email":"jtp@example.kr","language":"ko"}},
              {"institution":"전자신문","representativeName":"대표 9","contact":{"email":"etnews@example.kr","language":"ko"}}
             ]}
            """;

    private JejuMou() {
    }
}
