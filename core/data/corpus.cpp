#include "corpus.h"

#include "utf8.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace lstm {

namespace {

constexpr char32_t kByteOrderMark = 0xFEFF;
constexpr char32_t kEscape = 0x1B;
constexpr char32_t kBackspace = 0x08;
constexpr std::size_t kCodeSpace = 0x110000; // every Unicode code point, U+0000 … U+10FFFF
constexpr std::int64_t kLargestChunk = std::int64_t(1) << 28;
constexpr std::size_t kHashBlock = 1 << 16; // characters encoded at a time when hashing in-memory text

// Appends one decoded character. CR LF collapses into LF here, even when the two arrive in different chunks,
// so no later pass over the text is needed; a lone CR stays.
inline void appendCharacter(std::vector<std::int32_t> &codes, char32_t c) {
  if (c == U'\n' && !codes.empty() && codes.back() == U'\r')
    codes.back() = U'\n';
  else
    codes.push_back(std::int32_t(c));
}

// Why the sequence starting at bytes[0] is bad, worded exactly as decodeUtf8 words it (the two must never
// disagree). `size` covers the whole sequence, or everything up to the end of the file when it is cut off.
ProblemCode invalidReason(const unsigned char *bytes, std::size_t size) {
  std::u32string ignored;
  Utf8Error error;
  if (decodeUtf8(std::string_view(reinterpret_cast<const char *>(bytes), std::min<std::size_t>(size, 4)), ignored,
                 &error))
    return ProblemCode::Utf8InvalidByte; // unreachable: callers pass a sequence they found bad
  return error.reason;
}

Problem invalidUtf8(std::int64_t byteOffset, ProblemCode reason) {
  return Problem(ProblemCode::CorpusInvalidUtf8).withValue(QString::number(byteOffset)).because(Problem(reason));
}

// Decodes the complete UTF-8 sequences of bytes[0, size) into `codes` and returns how many bytes it used; the
// rest (at most 3 bytes) starts a sequence that the next chunk completes. `offset` is the file offset of bytes[0]:
// it locates errors and the byte order mark. Returns −1 and fills `error` at the first invalid sequence.
std::int64_t decodeChunk(const unsigned char *bytes, std::size_t size, std::int64_t offset,
                         std::vector<std::int32_t> &codes, Utf8Error &error) {
  std::size_t pos = 0;
  const auto fail = [&] {
    error = Utf8Error{std::size_t(offset) + pos, invalidReason(bytes + pos, size - pos)};
    return std::int64_t(-1);
  };
  while (pos < size) {
    const unsigned lead = bytes[pos];
    if (lead < 0x80) {
      appendCharacter(codes, lead);
      ++pos;
      continue;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0)
      length = 2, value = lead & 0x1F, minimum = 0x80;
    else if ((lead & 0xF0) == 0xE0)
      length = 3, value = lead & 0x0F, minimum = 0x800;
    else if ((lead & 0xF8) == 0xF0)
      length = 4, value = lead & 0x07, minimum = 0x10000;
    else
      return fail();
    if (pos + length > size)
      break; // carried into the next chunk
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned next = bytes[pos + k];
      if ((next & 0xC0) != 0x80)
        return fail();
      value = (value << 6) | (next & 0x3F);
    }
    if (value < minimum || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
      return fail();
    if (!(value == kByteOrderMark && offset + std::int64_t(pos) == 0))
      appendCharacter(codes, value);
    pos += length;
  }
  return std::int64_t(pos);
}

// First writes into a fresh reservation fault in one 4 KiB page at a time, and on this project's VMs that cost more
// than decoding (100 MB of ASCII: 2.1 s with, 0.8 s without). Huge pages cut the faults 512-fold on Linux;
// elsewhere, or when the kernel declines, nothing changes.
void adviseHugePages(std::vector<std::int32_t> &codes) {
#ifdef __linux__
  constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(codes.data()) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(codes.data() + codes.capacity())) & ~(kHugePage - 1);
  if (end > begin)
    madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
  Q_UNUSED(codes);
#endif
}

std::optional<Problem> fractionProblem(double fraction) {
  if (fraction >= 0.0 && fraction <= 0.9) // false for NaN
    return std::nullopt;
  return Problem(ProblemCode::CorpusValidationFraction).withValue(QString::number(fraction));
}

bool isSeparatorLine(const std::vector<std::int32_t> &text, std::size_t lineStart) {
  return text[lineStart] == U'%' && (lineStart + 1 == text.size() || text[lineStart + 1] == U'\n');
}

// True when at least two lines are exactly "%": the Auto rule for recognising a fortune file.
bool looksLikeFortune(const std::vector<std::int32_t> &text) {
  int separators = 0;
  for (auto line = text.begin(); line != text.end();) {
    if (isSeparatorLine(text, std::size_t(line - text.begin())) && ++separators == 2)
      return true;
    line = std::find(line, text.end(), std::int32_t(U'\n'));
    if (line != text.end())
      ++line;
  }
  return false;
}

// One past the end of the complete CSI sequence (ESC '[' parameters intermediates final) starting at `pos`, or 0
// when there is none; an incomplete sequence is left in the text as it is.
std::size_t csiEnd(const std::vector<std::int32_t> &text, std::size_t pos) {
  const std::size_t size = text.size();
  if (pos + 1 >= size || text[pos + 1] != U'[')
    return 0;
  std::size_t k = pos + 2;
  while (k < size && text[k] >= 0x30 && text[k] <= 0x3F)
    ++k;
  while (k < size && text[k] >= 0x20 && text[k] <= 0x2F)
    ++k;
  return k < size && text[k] >= 0x40 && text[k] <= 0x7E ? k + 1 : 0;
}

// Rewrites fortune text in place; it only ever shrinks, so the write position never passes the read position.
// Separator lines become one blank line between entries (none before the first entry, after the last, or for an
// empty entry); a backspace erases the character before it on the same line, as a terminal shows "x\bx" and
// "_\bx"; a backspace with nothing before it on its line is dropped.
void applyFortuneFormat(std::vector<std::int32_t> &text) {
  const std::size_t size = text.size();
  std::size_t read = 0;
  std::size_t write = 0;
  bool entryHasText = false;
  bool blankLinePending = false;
  while (read < size) {
    if (isSeparatorLine(text, read)) {
      blankLinePending = blankLinePending || entryHasText;
      entryHasText = false;
      read += read + 1 == size ? 1 : 2;
      continue;
    }
    if (blankLinePending)
      text[write++] = U'\n';
    blankLinePending = false;
    entryHasText = true;
    const std::size_t lineStart = write;
    while (read < size) {
      const std::int32_t c = text[read];
      if (c == std::int32_t(kEscape)) {
        if (const std::size_t end = csiEnd(text, read)) {
          read = end;
          continue;
        }
      } else if (c == std::int32_t(kBackspace)) {
        if (write > lineStart)
          --write;
        ++read;
        continue;
      }
      text[write++] = c;
      ++read;
      if (c == U'\n')
        break;
    }
  }
  text.resize(write);
}

// The steps shared by files and in-memory text, once `codes` holds the code points with BOM and CR LF handled:
// format, emptiness, vocabulary (codes are turned into ids in place), distinct characters, split.
std::optional<Corpus> finishCorpus(Corpus corpus, std::vector<std::int32_t> codes, const CorpusOptions &options,
                                   Problem *problem) {
  corpus.format = options.format;
  if (corpus.format == CorpusFormat::Auto)
    corpus.format = looksLikeFortune(codes) ? CorpusFormat::Fortune : CorpusFormat::Text;
  if (corpus.format == CorpusFormat::Fortune)
    applyFortuneFormat(codes);
  if (codes.empty()) {
    *problem = Problem(ProblemCode::CorpusEmpty);
    return std::nullopt;
  }

  // One table over the whole code space (4.4 MB) instead of a set over the text: linear time, fixed memory, and
  // the ascending order falls out of the scan. It first marks presence, then holds each code point's id.
  std::vector<std::int32_t> ids(kCodeSpace);
  for (const std::int32_t c : codes)
    ids[std::size_t(c)] = 1; // plain stores: no read-modify-write chain through a bitmap word
  std::vector<char32_t> symbols;
  for (std::size_t c = 0; c < kCodeSpace; ++c)
    if (ids[c]) {
      ids[c] = std::int32_t(symbols.size());
      symbols.push_back(char32_t(c));
    }
  if (symbols.size() == 1) {
    *problem = Problem(ProblemCode::CorpusOneCharacter)
                   .withValue(QString::fromStdString(describeCodePoint(symbols.front())));
    return std::nullopt;
  }
  for (std::int32_t &c : codes)
    c = ids[std::size_t(c)];

  corpus.vocabulary = *Vocabulary::create(std::move(symbols));
  corpus.tokens = std::move(codes);
  const auto held = std::int64_t(std::llround(double(corpus.size()) * options.validationFraction));
  corpus.trainSize = corpus.size() - held;
  return corpus;
}

std::optional<Corpus> readCorpusFile(const QString &path, const CorpusOptions &options,
                                     const CorpusProgress &progress, Problem *problem) {
  if (const auto bad = fractionProblem(options.validationFraction)) {
    *problem = *bad;
    return std::nullopt;
  }
  if (QFileInfo(path).isDir()) {
    *problem = Problem(ProblemCode::CorpusIsDirectory);
    return std::nullopt;
  }
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *problem = Problem(ProblemCode::SystemError).withValue(file.errorString());
    return std::nullopt;
  }
  const std::int64_t total = file.size();
  const std::int64_t chunk = std::clamp<std::int64_t>(options.chunkBytes, 1, kLargestChunk);
  QCryptographicHash hash(QCryptographicHash::Sha256);
  std::vector<std::int32_t> codes;
  // At most one character per byte. Pages of the reservation that are never written are never touched, so a
  // text with multi-byte characters does not cost more than its characters.
  codes.reserve(std::size_t(std::max<std::int64_t>(total, 0)));
  adviseHugePages(codes);
  // Up to 3 bytes of a sequence cut by the previous chunk sit in front of each new chunk.
  QByteArray buffer(qsizetype(chunk + 3), Qt::Uninitialized);
  auto *bytes = reinterpret_cast<unsigned char *>(buffer.data());
  std::int64_t done = 0;
  std::size_t carried = 0;
  for (;;) {
    const qint64 got = file.read(buffer.data() + carried, chunk);
    if (got < 0) {
      *problem = Problem(ProblemCode::ReadFailed).withValue(file.errorString());
      return std::nullopt;
    }
    if (got == 0)
      break;
    hash.addData(QByteArrayView(buffer.constData() + carried, got));
    const std::size_t available = carried + std::size_t(got);
    Utf8Error bad;
    const std::int64_t used = decodeChunk(bytes, available, done - std::int64_t(carried), codes, bad);
    if (used < 0) {
      *problem = invalidUtf8(std::int64_t(bad.byteOffset), bad.reason);
      return std::nullopt;
    }
    carried = available - std::size_t(used);
    std::memmove(bytes, bytes + used, carried);
    done += got;
    if (progress && !progress(done, total)) {
      *problem = Problem(ProblemCode::LoadingCancelled);
      return std::nullopt;
    }
  }
  if (carried > 0) {
    *problem = invalidUtf8(done - std::int64_t(carried), invalidReason(bytes, carried));
    return std::nullopt;
  }
  Corpus corpus;
  corpus.name = QFileInfo(path).fileName();
  corpus.path = path;
  corpus.sha256 = hash.result().toHex();
  corpus.fileBytes = done;
  return finishCorpus(std::move(corpus), std::move(codes), options, problem);
}

std::optional<Corpus> readCorpusText(std::u32string_view text, const QString &name, const CorpusOptions &options,
                                     Problem *problem) {
  if (const auto bad = fractionProblem(options.validationFraction)) {
    *problem = *bad;
    return std::nullopt;
  }
  const auto invalid = std::find_if(text.begin(), text.end(), [](char32_t c) {
    return c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF);
  });
  if (invalid != text.end()) {
    *problem = Problem(ProblemCode::CorpusNotUnicode, {QString::fromStdString(describeCodePoint(*invalid))})
                   .withValue(QString::number(qint64(invalid - text.begin())));
    return std::nullopt;
  }
  Corpus corpus;
  corpus.name = name;
  QCryptographicHash hash(QCryptographicHash::Sha256);
  for (std::size_t begin = 0; begin < text.size(); begin += kHashBlock) {
    const std::string bytes = encodeUtf8(text.substr(begin, kHashBlock));
    hash.addData(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    corpus.fileBytes += std::int64_t(bytes.size());
  }
  corpus.sha256 = hash.result().toHex();
  std::vector<std::int32_t> codes;
  codes.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(i == 0 && text[i] == kByteOrderMark))
      appendCharacter(codes, text[i]);
  return finishCorpus(std::move(corpus), std::move(codes), options, problem);
}

} // namespace

const char *toString(CorpusFormat format) {
  switch (format) {
  case CorpusFormat::Auto:
    return "auto";
  case CorpusFormat::Text:
    return "text";
  case CorpusFormat::Fortune:
    return "fortune";
  }
  return "?";
}

bool parseCorpusFormat(const std::string &text, CorpusFormat &out) {
  for (CorpusFormat format : {CorpusFormat::Auto, CorpusFormat::Text, CorpusFormat::Fortune})
    if (text == toString(format)) {
      out = format;
      return true;
    }
  return false;
}

std::u32string Corpus::text(std::int64_t begin, std::int64_t count) const {
  const std::int64_t first = std::clamp<std::int64_t>(begin, 0, size());
  const std::int64_t length = std::clamp<std::int64_t>(count, 0, size() - first);
  std::u32string result;
  result.reserve(std::size_t(length));
  for (std::int64_t i = first; i < first + length; ++i)
    result.push_back(vocabulary.symbol(tokens[std::size_t(i)]));
  return result;
}

std::optional<Corpus> loadCorpus(const QString &path, const CorpusOptions &options, Problem *problem,
                                 const CorpusProgress &progress) {
  Problem found;
  std::optional<Corpus> corpus;
  try {
    corpus = readCorpusFile(path, options, progress, &found);
  } catch (const std::bad_alloc &) {
    found = Problem(ProblemCode::CorpusOutOfMemory);
  }
  if (!corpus)
    report(problem, found.inFile(path));
  return corpus;
}

std::optional<Corpus> corpusFromText(std::u32string_view text, const QString &name, const CorpusOptions &options,
                                     Problem *problem) {
  Problem found;
  std::optional<Corpus> corpus;
  try {
    corpus = readCorpusText(text, name, options, &found);
  } catch (const std::bad_alloc &) {
    found = Problem(ProblemCode::CorpusOutOfMemory);
  }
  if (!corpus)
    report(problem, found.inFile(name));
  return corpus;
}

} // namespace lstm
