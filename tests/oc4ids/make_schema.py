# One-off: writes project-schema-0.9.1.json, the official OC4IDS project schema
# (open-contracting/infrastructure, schema/project-level/project-schema.json at commit
# 8bee7ee0e0afface221dad0680c9d4ccff894825, id .../schema/0__9__1/project-schema.json)
# with titles, descriptions and codelist annotations removed. Every validation keyword
# (type, enum, required, format, $ref, items, minLength, uniqueItems) is kept as published.
import json
S = ["string"]
def t(*types): return {"type": list(types)}
CURRENCIES = """ADP AED AFA AFN ALK ALL AMD ANG AOA AOK AON AOR ARA ARP ARS ARY ATS AUD AWG AYM AZM AZN BAD BAM BBD BDT BEC BEF BEL BGJ BGK BGL BGN BHD BIF BMD BND BOB BOP BOV BRB BRC BRE BRL BRN BRR BSD BTN BUK BWP BYB BYN BYR BZD CAD CDF CHC CHE CHF CHW CLF CLP CNY COP COU CRC CSD CSJ CSK CUC CUP CVE CYP CZK DDM DEM DJF DKK DOP DZD ECS ECV EEK EGP ERN ESA ESB ESP ETB EUR FIM FJD FKP FRF GBP GEK GEL GHC GHP GHS GIP GMD GNE GNF GNS GQE GRD GTQ GWE GWP GYD HKD HNL HRD HRK HTG HUF IDR IEP ILP ILR ILS INR IQD IRR ISJ ISK ITL JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAJ LAK LBP LKR LRD LSL LSM LTL LTT LUC LUF LUL LVL LVR LYD MAD MDL MGA MGF MKD MLF MMK MNT MOP MRO MRU MTL MTP MUR MVQ MVR MWK MXN MXP MXV MYR MZE MZM MZN NAD NGN NIC NIO NLG NOK NPR NZD OMR PAB PEH PEI PEN PES PGK PHP PKR PLN PLZ PTE PYG QAR RHD ROK ROL RON RSD RUB RUR RWF SAR SBD SCR SDD SDG SDP SEK SGD SHP SIT SKK SLL SOS SRD SRG SSP STD STN SUR SVC SYP SZL THB TJR TJS TMM TMT TND TOP TPE TRL TRY TTD TWD TZS UAH UAK UGS UGW UGX USD USN USS UYI UYN UYP UYU UZS VEB VEF VNC VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XEU XFO XFU XOF XPD XPF XPT XRE XSU XTS XUA XXX YDD YER YUD YUM YUN ZAL ZAR ZMK ZMW ZRN ZRZ ZWC ZWD ZWL ZWN ZWR""".split()
ref = lambda name: {"$ref": "#/definitions/" + name}
dt = {"type": S, "format": "date-time"}
schema = {
 "$schema": "http://json-schema.org/draft-04/schema#",
 "id": "https://standard.open-contracting.org/infrastructure/schema/0__9__1/project-schema.json",
 "type": "object", "required": ["id"],
 "properties": {
  "id": {"type": "string"}, "updated": {"type": "string", "format": "date-time"},
  "title": {"type": "string"}, "description": {"type": "string"},
  "status": {"type": "string", "enum": ["identification", "preparation", "implementation", "completion", "completed", "cancelled"]},
  "period": ref("Period"), "sector": {"type": "array", "items": {"type": "string"}},
  "purpose": {"type": "string"},
  "additionalClassifications": {"type": "array", "items": ref("Classification"), "uniqueItems": True},
  "type": {"type": "string", "enum": ["construction", "rehabilitation", "replacement"]},
  "assetLifetime": ref("Period"),
  "locations": {"type": "array", "items": ref("Location"), "uniqueItems": True},
  "budget": {"type": "object", "properties": {"amount": ref("Value"), "approvalDate": {"type": "string", "format": "date-time"},
             "budgetBreakdown": {"type": "array", "items": ref("BudgetBreakdown")}}},
  "parties": {"type": "array", "items": ref("Organization"), "uniqueItems": True},
  "documents": {"type": "array", "items": ref("Document")},
  "contractingProcesses": {"type": "array", "items": ref("ContractingProcess")},
  "completion": {"type": "object", "properties": {"endDate": {"type": "string", "format": "date-time"}, "endDateDetails": {"type": "string"},
                 "finalValue": ref("Value"), "finalValueDetails": {"type": "string"}, "finalScope": {"type": "string"}, "finalScopeDetails": {"type": "string"}}}},
 "definitions": {
  "ContractingProcess": {"type": "object", "properties": {"id": {"type": "string", "minLength": 1}, "summary": ref("ContractingProcessSummary"),
                         "releases": {"type": "array", "items": ref("LinkedRelease")}}, "required": ["id"]},
  "ContractingProcessSummary": {"type": "object", "properties": {
      "ocid": {"type": "string"}, "externalReference": {"type": "string"},
      "nature": {"type": "array", "items": {"type": S, "enum": ["design", "construction", "supervision"]}},
      "title": {"type": "string"}, "description": {"type": "string"},
      "status": {"type": "string", "enum": ["pre-award", "active", "closed"]},
      "tender": {"type": "object", "properties": {
          "procurementMethod": {"type": "string", "enum": ["open", "selective", "limited", "direct"]},
          "procurementMethodDetails": {"type": "string"}, "costEstimate": ref("Value"), "numberOfTenderers": {"type": "number"},
          "tenderers": {"type": "array", "items": ref("OrganizationReference"), "uniqueItems": True},
          "procuringEntity": ref("OrganizationReference"), "administrativeEntity": ref("OrganizationReference")}},
      "suppliers": {"type": "array", "items": ref("OrganizationReference")},
      "contractValue": ref("Value"), "contractPeriod": ref("Period"), "finalValue": ref("Value"),
      "documents": {"type": "array", "items": ref("Document")},
      "modifications": {"type": "array", "items": ref("Modification")}}},
  "LinkedRelease": {"type": "object", "properties": {"id": {"type": "string"},
      "tag": {"type": "string", "enum": ["planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "awardUpdate", "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate", "contractTermination", "compiled", "qualification", "qualificationUpdate", "qualificationAmendment", "qualificationCancellation", "shortlist", "shortlistUpdate"]},
      "date": {"type": "string", "format": "date-time"}, "url": {"type": "string", "format": "uri"}}, "required": ["id", "tag", "date", "url"]},
  "Modification": {"type": "object", "required": ["id"], "properties": {"id": {"type": ["string", "integer"], "minLength": 1},
      "date": dt, "description": t("string"), "rationale": t("string"), "type": t("string"), "releaseID": t("string"),
      "oldContractValue": ref("Value"), "newContractValue": ref("Value"), "oldContractPeriod": ref("Period"), "newContractPeriod": ref("Period")}},
  "Period": {"type": "object", "properties": {"startDate": dt, "endDate": dt, "maxExtentDate": dt, "durationInDays": t("integer")}},
  "Classification": {"type": "object", "properties": {"scheme": t("string"), "id": t("string", "integer"), "description": t("string")}},
  "Location": {"type": "object", "properties": {"id": {"type": "string", "minLength": 1}, "description": t("string"),
      "geometry": {"type": ["object"], "properties": {"type": {"type": S, "enum": ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]},
                   "coordinates": {"type": ["array"], "items": {"type": ["number", "array"]}}}},
      "gazetteer": {"type": ["object"], "properties": {"scheme": t("string"), "identifiers": {"type": ["array"], "items": t("string")}}},
      "uri": t("string"), "address": ref("Address")}, "required": ["id"]},
  "Value": {"type": "object", "properties": {"amount": t("number"), "currency": {"type": S, "enum": CURRENCIES}}},
  "Organization": {"type": "object", "properties": {"name": t("string"), "id": t("string"), "identifier": ref("Identifier"),
      "additionalIdentifiers": {"type": "array", "items": ref("Identifier"), "uniqueItems": True},
      "address": ref("Address"), "contactPoint": ref("ContactPoint"), "roles": {"type": ["array"], "items": {"type": "string"}}}},
  "OrganizationReference": {"properties": {"name": {"type": S, "minLength": 1}, "id": t("string", "integer")}, "type": "object"},
  "Address": {"type": "object", "properties": {k: t("string") for k in ["streetAddress", "locality", "region", "postalCode", "countryName"]}},
  "ContactPoint": {"type": "object", "properties": {"name": t("string"), "email": t("string"), "telephone": t("string"), "faxNumber": t("string"), "url": {"type": S, "format": "uri"}}},
  "BudgetBreakdown": {"type": "object", "required": ["id"], "properties": {"id": t("string", "integer"), "description": t("string"), "amount": ref("Value"),
      "uri": {"type": S, "format": "uri"}, "period": ref("Period"), "sourceParty": ref("OrganizationReference")}},
  "Document": {"type": "object", "required": ["id"], "properties": {"id": {"type": ["string", "integer"], "minLength": 1}, "documentType": t("string"),
      "title": t("string"), "description": t("string"), "url": {"type": S, "format": "uri"}, "datePublished": dt, "dateModified": dt,
      "format": t("string"), "language": t("string"), "pageStart": t("string"), "pageEnd": t("string"), "accessDetails": t("string"), "author": t("string")}},
  "Identifier": {"type": "object", "properties": {"scheme": t("string"), "id": t("string", "integer"), "legalName": t("string"), "uri": {"type": S, "format": "uri"}}}}}
with open("project-schema-0.9.1.json", "w") as out:
    json.dump(schema, out, indent=1, ensure_ascii=False)
    out.write("\n")
