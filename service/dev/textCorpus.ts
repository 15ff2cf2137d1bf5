/**
 * Post fragments by language (BCP 47 code, as X reports `lang`), written the way posts are: Latin with accents,
 * Cyrillic, Greek, Devanagari, CJK, Hangul, right-to-left Arabic and Hebrew, emoji with skin tones, flags and ZWJ
 * sequences, quotes, a backslash, a line break, and `&amp;` (X's v2 `text` escapes `&`, `<` and `>` as HTML
 * entities). The generator builds each text from two fragments of one language.
 */
export const FRAGMENTS: Readonly<Record<string, readonly string[]>> = {
  en: [
    "Just landed in Lisbon, the light here is unreal",
    "Coffee first, then emails ☕",
    "Can't believe that match went to penalties 😱",
    "Reading a long thread about garbage collectors",
    "Tom &amp; Jerry reruns all afternoon",
    'She said "ship it" and went home \\o/',
    "Rain again today.\nUmbrella count: zero",
  ],
  fr: [
    "Déjà vu à la gare ce matin",
    "Un café crème et ça repart",
    "Quelle soirée incroyable à Montréal 🎶",
    "L'été indien à Besançon, c'est magnifique",
  ],
  es: [
    "¿Alguien más despierto a esta hora?",
    "Mañana empieza el festival en Sevilla 🎉",
    "El niño quería otra piñata",
    "Qué día más largo, señoras y señores",
  ],
  de: ["Schöne Grüße aus Köln", "Die Straßenbahn fällt schon wieder aus", "Über den Wolken ist es ruhig", "Frühstück mit Brötchen und Käse 🥨"],
  pt: ["Não acredito que já é sexta-feira! 🎊", "Saudações de São Paulo", "Pão de queijo no café da manhã"],
  ru: ["Доброе утро из Москвы", "Сегодня очень холодно ❄️", "Читаю новую книгу о космосе"],
  el: ["Καλημέρα από την Αθήνα", "Ο καιρός σήμερα είναι υπέροχος ☀️"],
  hi: ["आज मौसम बहुत अच्छा है", "चाय पीने का समय हो गया ☕"],
  ja: ["今日は東京で雨が降っています", "新しいラーメン屋さんに行ってきた🍜", "週末は富士山に登る予定です🗻"],
  zh: ["今天天气很好，我们去公园散步吧", "刚刚看完这部电影，太感人了", "周末一起吃火锅吗？🍲"],
  ko: ["오늘 점심은 김치찌개 🍲", "서울의 밤은 정말 아름답다"],
  ar: ["صباح الخير من القاهرة ☀️", "أحب القراءة في المساء 📚"],
  he: ["שבת שלום מתל אביב", "הקפה הזה פשוט מעולה"],
  und: ["🔥🔥🔥", "👩🏽‍💻👨🏿‍🚀 🇯🇵🇧🇷🇳🇬", "👍🏽 ✨"],
};

/** Display names and ASCII usernames (X allows only `[A-Za-z0-9_]`, 1-15 characters) of the author pool. */
export const AUTHORS: readonly { name: string; username: string }[] = [
  { name: "María José Núñez", username: "mjnunez" },
  { name: "Zoë Brontë", username: "zoe_b" },
  { name: "François Dupré", username: "fdupre" },
  { name: "Jürgen Weiß", username: "jweiss" },
  { name: "Ngozi Okonjo", username: "ngozi_o" },
  { name: "李雷", username: "lilei88" },
  { name: "山田太郎", username: "yamada_t" },
  { name: "김민준", username: "minjun_k" },
  { name: "محمد الأحمد", username: "m_alahmad" },
  { name: "נועה כהן", username: "noa_cohen" },
  { name: "Олег Петров", username: "oleg_p" },
  { name: "Ελένη Παππά", username: "eleni_p" },
  { name: "Priya शर्मा", username: "priya_s" },
  { name: "João Gonçalves", username: "jgoncalves" },
  { name: "Sam 🌈 Taylor", username: "samtaylor" },
  { name: "Ada", username: "ada_l" },
];
