import { describe, expect, it } from "vitest";
import { chunks, planMoveToBcc } from "../../src/core/bccFix";
import { defaultPolicy } from "../../src/core/policy";
import { assessRecipients, classify, isContactGroup } from "../../src/core/recipients";
import type { Recipient } from "../../src/core/types";

const policy = defaultPolicy();
const r = (emailAddress: string, displayName = ""): Recipient => ({ displayName, emailAddress });
const parents = (n: number, domain = "gmail.com") => Array.from({ length: n }, (_, i) => r(`ouder${i}@${domain}`, `Ouder ${i}`));
const ME = "docent@school.example";
/** A personal contact group as Outlook reports it: a distribution list without an address. */
const group = (displayName: string): Recipient => ({ displayName, emailAddress: "", recipientType: "distributionList" });

describe("classify", () => {
  it("sorts addresses into school, private, external, partner and self", () => {
    const p = { ...policy, trustedPartnerDomains: ["swv-regio.nl"] };
    expect(classify("collega@school.example", ME, p)).toBe("school");
    expect(classify("Leerling@LEERLING.school.example", ME, p)).toBe("school");
    expect(classify("a@hotmail.com", ME, p)).toBe("private");
    expect(classify("a@kpnmail.nl", ME, p)).toBe("private");
    expect(classify("info@jeugdzorg.example.org", ME, p)).toBe("external");
    expect(classify("iemand@swv-regio.nl", ME, p)).toBe("partner");
    expect(classify("Docent@School.example", ME, p)).toBe("self");
    expect(classify("geen-adres", ME, p)).toBe("invalid");
  });
});

describe("classify by the sender's domain", () => {
  it("counts the sender's own domain as the school's, also when the policy does not list it", () => {
    const me = "docent@csw.nl";
    expect(classify("collega@csw.nl", me, policy)).toBe("school");
    expect(classify("mentor@LEERLING.csw.nl", me, policy)).toBe("school");
    expect(classify("ouder@gmail.com", me, policy)).toBe("private");
    expect(classify("iemand@notcsw.nl", me, policy)).toBe("external");
    const staff = Array.from({ length: 12 }, (_, i) => r(`collega${i}@csw.nl`));
    expect(assessRecipients({ to: staff, cc: [], bcc: [] }, me, policy).exposedTriggered).toBe(false);
    expect(planMoveToBcc({ to: staff.concat(parents(5)), cc: [], bcc: [] }, r(me), policy).moved).toBe(5);
  });

  it("does not treat a private mailbox's provider as the school", () => {
    expect(classify("ouder@gmail.com", "docent@gmail.com", policy)).toBe("private");
    expect(assessRecipients({ to: parents(5), cc: [], bcc: [] }, "docent@gmail.com", policy).exposedTriggered).toBe(true);
  });
});

describe("assessRecipients", () => {
  it("warns for a mail to all parents of a class in To", () => {
    const a = assessRecipients({ to: parents(27), cc: [], bcc: [] }, ME, policy);
    expect(a.exposedTriggered).toBe(true);
    expect(a.exposed).toHaveLength(27);
    expect(a.counts.private).toBe(27);
  });

  it("does not warn for both parents of one student", () => {
    const a = assessRecipients({ to: [r("moeder@gmail.com"), r("vader@ziggo.nl")], cc: [r("mentor@school.example")], bcc: [] }, ME, policy);
    expect(a.exposedTriggered).toBe(false);
    expect(a.anyOutsideSchool).toBe(true);
  });

  it("warns from five visible outside addresses, not at four", () => {
    expect(assessRecipients({ to: parents(4), cc: [], bcc: [] }, ME, policy).exposedTriggered).toBe(false);
    expect(assessRecipients({ to: parents(3), cc: parents(2, "hotmail.com"), bcc: [] }, ME, policy).exposedTriggered).toBe(true);
  });

  it("warns for ten visible addresses when at least two are outside the school", () => {
    const colleagues = Array.from({ length: 8 }, (_, i) => r(`c${i}@school.example`));
    expect(assessRecipients({ to: colleagues.concat(parents(2)), cc: [], bcc: [] }, ME, policy).exposedTriggered).toBe(true);
    expect(assessRecipients({ to: colleagues.concat(parents(1)), cc: [r("x@school.example")], bcc: [] }, ME, policy).exposedTriggered).toBe(false);
  });

  it("never warns for colleagues only, however many", () => {
    const staff = Array.from({ length: 120 }, (_, i) => r(`c${i}@school.example`));
    expect(assessRecipients({ to: staff, cc: [], bcc: [] }, ME, policy).exposedTriggered).toBe(false);
  });

  it("does not count Bcc, the sender, duplicates or trusted partners as exposed", () => {
    const p = { ...policy, trustedPartnerDomains: ["swv-regio.nl"] };
    const partners = Array.from({ length: 6 }, (_, i) => r(`p${i}@swv-regio.nl`));
    const a = assessRecipients({ to: [r(ME), r("a@gmail.com"), r("A@gmail.com")].concat(partners), cc: [], bcc: parents(40) }, ME, p);
    expect(a.exposedTriggered).toBe(false);
    expect(a.exposed).toHaveLength(1);
    expect(a.counts.bcc).toBe(40);
    expect(a.counts.self).toBe(1);
  });
});

describe("contact groups", () => {
  it("tells a personal contact group (no address) from an Exchange list (an address of its own)", () => {
    expect(isContactGroup(group("Ouders 2B"))).toBe(true);
    expect(isContactGroup({ displayName: "Ouders 2B", emailAddress: "Ouders 2B", recipientType: "distributionList" })).toBe(true);
    expect(isContactGroup({ displayName: "Sectie Engels", emailAddress: "sectie-engels@school.example", recipientType: "distributionList" })).toBe(false);
    expect(isContactGroup({ displayName: "", emailAddress: "", recipientType: "other" })).toBe(false);
    expect(isContactGroup(r("a@gmail.com"))).toBe(false);
  });

  it("counts a contact group in To or Cc apart, not as a colleague nor as an outside address", () => {
    const a = assessRecipients({ to: [group("Ouders 2B")], cc: [group("Ouders 2C"), r("mentor@school.example")], bcc: [group("Sectie")] }, ME, policy);
    expect(a.groups).toEqual([group("Ouders 2B"), group("Ouders 2C")]);
    expect(a.counts.groups).toBe(2);
    expect(a.counts.visible).toBe(1);
    expect(a.counts.invalid).toBe(0);
    expect(a.exposedTriggered).toBe(false);
    expect(a.anyOutsideSchool).toBe(false);
  });

  it("treats an Exchange distribution list by its address, like any recipient", () => {
    const dl = { displayName: "Personeel", emailAddress: "personeel@school.example", recipientType: "distributionList" };
    const a = assessRecipients({ to: [dl], cc: [], bcc: [] }, ME, policy);
    expect(a.groups).toEqual([]);
    expect(a.counts.school).toBe(1);
  });
});

describe("planMoveToBcc", () => {
  const me = r(ME, "Docent");

  it("moves only private and external addresses, keeping display names and colleagues", () => {
    const plan = planMoveToBcc({ to: [r("a@gmail.com", "Ouder A"), r("mentor@school.example", "Mentor")], cc: [r("b@jeugdzorg.example.org", "Zorg B")], bcc: [r("c@hotmail.com", "Ouder C")] }, me, policy);
    expect(plan.moved).toBe(2);
    expect(plan.to).toEqual([r("mentor@school.example", "Mentor")]);
    expect(plan.cc).toEqual([]);
    expect(plan.addToBcc).toEqual([r("a@gmail.com", "Ouder A"), r("b@jeugdzorg.example.org", "Zorg B")]);
    expect(plan.changed).toEqual({ to: true, cc: true });
  });

  it("puts the sender in To when nobody would be left there", () => {
    const plan = planMoveToBcc({ to: parents(30), cc: [], bcc: [] }, me, policy);
    expect(plan.to).toEqual([me]);
    expect(plan.addToBcc).toHaveLength(30);
  });

  it("does not add an address to Bcc twice", () => {
    const plan = planMoveToBcc({ to: [r("a@gmail.com")], cc: [r("A@Gmail.com")], bcc: [r("a@gmail.com")] }, me, policy);
    expect(plan.addToBcc).toHaveLength(0);
    expect(plan.moved).toBe(2);
    expect(plan.to).toEqual([me]);
    expect(plan.cc).toEqual([]);
  });

  it("changes nothing when nothing is exposed", () => {
    const input = { to: [r("x@school.example")], cc: [], bcc: [] };
    const plan = planMoveToBcc(input, me, policy);
    expect(plan.moved).toBe(0);
    expect(plan.to).toEqual(input.to);
    expect(plan.changed).toEqual({ to: false, cc: false });
  });

  it("leaves a field with a contact group as it is and moves the other field's outside addresses", () => {
    const plan = planMoveToBcc({ to: [group("Ouders 2B"), r("a@gmail.com", "Ouder A")], cc: parents(3), bcc: [] }, me, policy);
    expect(plan.changed).toEqual({ to: false, cc: true });
    expect(plan.to).toEqual([group("Ouders 2B"), r("a@gmail.com", "Ouder A")]);
    expect(plan.cc).toEqual([]);
    expect(plan.addToBcc).toEqual(parents(3));
    expect(plan.moved).toBe(3);
    expect(plan.groupsLeft).toEqual([group("Ouders 2B")]);
  });

  it("does not put the sender in To when To holds a contact group", () => {
    const plan = planMoveToBcc({ to: [group("Ouders 2B")], cc: parents(6), bcc: [] }, me, policy);
    expect(plan.to).toEqual([group("Ouders 2B")]);
    expect(plan.changed.to).toBe(false);
  });

  it("splits lists into calls of at most 100", () => {
    expect(chunks(Array.from({ length: 250 }, (_, i) => i)).map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks([])).toEqual([]);
  });
});
