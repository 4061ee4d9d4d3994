// The generated TypeScript types (tests/interop/typescript.mjs) against fixtures: each valid
// body type-checks, and each `@ts-expect-error` marks an invalid body that the compiler must
// reject. If a type ever admits it, `tsc` fails with "Unused '@ts-expect-error' directive".
// `generated/fixtures.ts` type-checks every other valid fixture the same way.
import type { FirstlinePushBody } from "./generated/firstline_push";
import type { MantagoTokenRefresh } from "./generated/mantago_token";
import type { OcaTemplatePush } from "./generated/oca_template";

// tests/fixtures/oca.template/valid/spec-minimal-example.json
export const ocaValid: OcaTemplatePush = {
  phone_number: "6281298765432",
  message: {
    type: "template",
    template: {
      template_code_id: "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped",
      payload: [
        {
          position: "body",
          parameters: [
            { type: "text", text: "Rina" },
            { type: "text", text: "A1024" },
          ],
        },
      ],
    },
  },
};

// tests/fixtures/oca.template/invalid/header-media-mismatch.json (`oca.header.media-mismatch`):
// an `image` header parameter must carry `image`; the discriminated union has no variant
// with `type: "image"` and a `video`.
export const ocaMediaMismatch: OcaTemplatePush = {
  phone_number: "6281298765432",
  message: {
    type: "template",
    template: {
      template_code_id: "marketing:katalog_video",
      payload: [
        {
          position: "header",
          // @ts-expect-error
          parameters: [{ type: "image", video: { url: "https://cdn.tokoku.example/video/katalog-ramadan.mp4" } }],
        },
        { position: "body", parameters: [{ type: "text", text: "Siti" }] },
      ],
    },
  },
};

// tests/fixtures/firstline.push/valid/line-text.request.json (its body)
export const firstlineValid: FirstlinePushBody = {
  contactable_type: "App\\LineContact",
  contactable_id: 5120,
  type: "text",
  message: "您好，您的訂單 A1024 已於今日出貨，預計 2–3 個工作天內送達，感謝您的支持！",
  is_force: true,
};

// tests/fixtures/firstline.push/invalid/button-message-as-string.request.json
// (`firstline.message.shape`): a `button` message is an object, not a string.
// @ts-expect-error
export const firstlineButtonAsString: FirstlinePushBody = {
  contactable_type: "App\\LineContact",
  contactable_id: 5120,
  type: "button",
  message: "春季新品上市！",
};

// `firstline.is-force.type`: `is_force` is a boolean, 0 or 1.
export const firstlineIsForceTwo: FirstlinePushBody = {
  contactable_type: "App\\LineContact",
  contactable_id: 5120,
  type: "text",
  message: "您好",
  // @ts-expect-error
  is_force: 2,
};

// `common.field.required`: the token request needs its `secret`.
// @ts-expect-error
export const mantagoWithoutSecret: MantagoTokenRefresh = { botId: "Hl5Tc8Ra3" };
