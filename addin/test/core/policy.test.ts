import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPolicy, parsePolicy, PolicyError } from "../../src/core/policy";

const root = join(__dirname, "..", "..", "..");
const policyJson = JSON.parse(readFileSync(join(root, "knowledge", "addin-policy.json"), "utf8"));
const schema = JSON.parse(readFileSync(join(root, "knowledge", "addin-policy.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function mutate(f: (p: any) => void): unknown { // eslint-disable-line @typescript-eslint/no-explicit-any
  const p = JSON.parse(JSON.stringify(policyJson));
  f(p);
  return p;
}

describe("policy", () => {
  it("ships a valid policy, accepted by the add-in and by the JSON schema", () => {
    expect(() => parsePolicy(policyJson)).not.toThrow();
    expect(validate(policyJson), JSON.stringify(validate.errors)).toBe(true);
    expect(defaultPolicy().schoolDomains.length).toBeGreaterThan(0);
  });

  const broken: [string, unknown, RegExp][] = [
    ["not an object", [], /must be a JSON object/],
    ["wrong version", mutate((p) => (p.version = 2)), /version must be 1/],
    ["a bad domain", mutate((p) => (p.schoolDomains = ["school example"])), /schoolDomains\[0\] is not a domain name/],
    ["a negative threshold", mutate((p) => (p.recipients.maxVisibleExternal = -1)), /recipients.maxVisibleExternal must be a positive number/],
    ["a missing label", mutate((p) => delete p.studentFileNamePatterns[0].label.en), /studentFileNamePatterns\[0\].label.en/],
    ["a missing knowledge entry", mutate((p) => delete p.knowledge.entries.datalek), /knowledge.entries.datalek is missing/],
    ["a plain-http link template", mutate((p) => (p.knowledge.linkTemplate = "http://x/{id}")), /knowledge.linkTemplate/],
    ["empty wording", mutate((p) => (p.wording.en.shareInstead = "")), /wording.en.shareInstead/],
  ];

  for (const [what, doc, message] of broken) {
    it(`rejects ${what} in both validators`, () => {
      expect(() => parsePolicy(doc)).toThrow(PolicyError);
      expect(() => parsePolicy(doc)).toThrow(message);
      expect(validate(doc)).toBe(false);
    });
  }

  it("rejects an invalid regular expression", () => {
    expect(() => parsePolicy(mutate((p) => (p.studentFileNamePatterns[0].pattern = "(unclosed")))).toThrow(/not a valid regular expression/);
  });
});

describe("policy knowledge links", () => {
  it("names only knowledge entries that exist, with their titles as the question for the bot", () => {
    for (const [id, q] of Object.entries(defaultPolicy().knowledge.entries)) {
      const file = join(root, "knowledge", "entries", `${id}.md`);
      const text = readFileSync(file, "utf8");
      expect(text).toMatch(new RegExp(`^id: ${id}$`, "m"));
      expect(text).toContain(`title: ${q.nl}`);
      expect(text).toContain(`title: ${q.en}`);
    }
  });
});
