const ADJECTIVES = `Amber Azure Bold Brave Bright Calm Clever Cosmic Crimson Curious Daring Dapper Eager Fancy
Fearless Gentle Golden Happy Jolly Keen Lively Lucky Mellow Merry Mighty Nimble Noble Peppy Plucky Proud Quick
Quiet Rapid Rosy Royal Rustic Silver Sly Snappy Sunny Swift Teal Tidy Witty Zany Zesty Blue Green`.split(/\s+/);

const ANIMALS = `Otter Badger Beaver Bison Camel Cheetah Crane Dingo Dolphin Eagle Falcon Ferret Finch Fox
Gazelle Gecko Heron Ibis Jaguar Koala Lemur Lynx Magpie Marmot Moose Narwhal Newt Ocelot Owl Panda Parrot
Pelican Penguin Puffin Quokka Rabbit Raven Robin Salmon Seal Sparrow Tiger Toucan Turtle Walrus Wombat Yak Zebra`.split(
  /\s+/,
);

/** FNV-1a: a small, stable string hash (the same on server and client, unlike Math.random). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A friendly pseudonym for one voter in one poll, e.g. "Brave Otter 42": the same every time, never
 * derived back to the voter, different in each poll. The number makes two players sharing a name
 * unlikely (48 × 48 × 90 names).
 */
export function nickname(voterId: string, pollId: string): string {
  const h = hash(`${pollId}\u0000${voterId}`);
  const adjective = ADJECTIVES[h % ADJECTIVES.length]!;
  const animal = ANIMALS[Math.floor(h / ADJECTIVES.length) % ANIMALS.length]!;
  const number = 10 + (Math.floor(h / (ADJECTIVES.length * ANIMALS.length)) % 90);
  return `${adjective} ${animal} ${number}`;
}
