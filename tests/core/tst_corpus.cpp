// The corpus loader (core/data/corpus.h): streamed UTF-8 decoding with file offsets that stay exact across chunk
// boundaries, BOM/CRLF normalisation, fortune files, the refusals, the split, progress and cancellation, and the
// fortune files Debian installs.
#include "data/corpus.h"
#include "english_problem.h"
#include "test_files.h"
#include "data/utf8.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace lstm;
using lstm::test::english;

namespace {

using test::writeFile;

std::optional<Corpus> load(const QString &path, Problem *error, std::int64_t chunkBytes = 4096,
                           CorpusFormat format = CorpusFormat::Auto, double validationFraction = 0.1) {
  CorpusOptions options;
  options.format = format;
  options.chunkBytes = chunkBytes;
  options.validationFraction = validationFraction;
  return loadCorpus(path, options, error);
}

// Built by hand: QString::fromStdU32String() would drop a leading U+FEFF, hiding whether the loader dropped it.
QString toQString(const std::u32string &text) {
  QString result;
  for (char32_t c : text)
    if (QChar::requiresSurrogates(c)) {
      result.append(QChar(QChar::highSurrogate(c)));
      result.append(QChar(QChar::lowSurrogate(c)));
    } else {
      result.append(QChar(char16_t(c)));
    }
  return result;
}

QString wholeText(const Corpus &corpus) { return toQString(corpus.text(0, corpus.size())); }

std::u32string decoded(const QByteArray &bytes) {
  std::u32string text;
  if (!decodeUtf8(bytes.toStdString(), text))
    text.clear();
  return text;
}

} // namespace

class TestCorpus : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void formatNames();
  void vocabularyOfMixedText();
  void nonPositiveChunkSizeStillLoads();
  void rejectsInvalidUtf8_data();
  void rejectsInvalidUtf8();
  void multiByteCharactersStraddleEveryChunkBoundary();
  void normalises_data();
  void normalises();
  void refusesUntrainable_data();
  void refusesUntrainable();
  void unreadablePathsNameThePath();
  void fortune_data();
  void fortune();
  void splits_data();
  void splits();
  void rejectsBadFraction_data();
  void rejectsBadFraction();
  void progressAndCancel();
  void largeFile();
  void sha256MatchesSha256sum();
  void fromTextChecksCodePoints();
  void realFortuneFiles_data();
  void realFortuneFiles();
};

void TestCorpus::formatNames() {
  for (CorpusFormat format : {CorpusFormat::Auto, CorpusFormat::Text, CorpusFormat::Fortune}) {
    CorpusFormat parsed = format == CorpusFormat::Text ? CorpusFormat::Fortune : CorpusFormat::Text;
    QVERIFY(parseCorpusFormat(toString(format), parsed));
    QCOMPARE(parsed, format);
  }
  QCOMPARE(toString(CorpusFormat::Fortune), "fortune");
  CorpusFormat unchanged = CorpusFormat::Text;
  QVERIFY(!parseCorpusFormat("Fortune", unchanged));
  QVERIFY(!parseCorpusFormat("", unchanged));
  QCOMPARE(unchanged, CorpusFormat::Text);
}

void TestCorpus::vocabularyOfMixedText() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString text = QStringLiteral("Hello, 世界! 春眠不覺曉\n");
  const QString path = writeFile(dir, QStringLiteral("mixed.txt"), text.toUtf8());
  Problem error;
  const auto corpus = load(path, &error);
  QVERIFY2(corpus, qPrintable(english(error)));
  QCOMPARE(corpus->name, QStringLiteral("mixed.txt"));
  QCOMPARE(corpus->path, path);
  QCOMPARE(corpus->format, CorpusFormat::Text);
  QCOMPARE(corpus->fileBytes, std::int64_t(31));
  QCOMPARE(corpus->size(), std::int64_t(17));
  // Every distinct code point once, ascending: ASCII first, then 不 U+4E0D … 覺 U+89BA.
  const std::u32string symbols(corpus->vocabulary.symbols().begin(), corpus->vocabulary.symbols().end());
  QCOMPARE(toQString(symbols), QStringLiteral("\n !,Helo不世春曉界眠覺"));
  QCOMPARE(corpus->vocabulary.size(), 15);
  QCOMPARE(wholeText(*corpus), text);
  QCOMPARE(corpus->tokens[0], 4); // 'H' follows "\n !,"
  QCOMPARE(corpus->vocabulary.symbol(corpus->tokens[7]), U'世');
  // text() clamps instead of reading outside the corpus.
  QCOMPARE(toQString(corpus->text(-5, 3)), QStringLiteral("Hel"));
  QCOMPARE(toQString(corpus->text(14, 100)), QStringLiteral("覺曉\n"));
  QCOMPARE(toQString(corpus->text(3, -1)), QString());
  QCOMPARE(toQString(corpus->text(17, 1)), QString());
}

void TestCorpus::nonPositiveChunkSizeStillLoads() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("small.txt"), QByteArray("ab\xc3\xa9"));
  Problem error;
  for (std::int64_t chunk : {std::int64_t(0), std::int64_t(-5)}) {
    const auto corpus = load(path, &error, chunk); // read a byte at a time rather than spin on empty reads
    QVERIFY2(corpus, qPrintable(english(error)));
    QCOMPARE(wholeText(*corpus), QStringLiteral("ab\u00e9"));
  }
}

void TestCorpus::rejectsInvalidUtf8_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<int>("offset");
  QTest::addColumn<QString>("phrase");
  QTest::addColumn<int>("chunk");
  const auto rows = [](const char *name, const QByteArray &bytes, int offset, const char *phrase) {
    for (int chunk : {1, 3, 4096})
      QTest::addRow("%s, chunk %d", name, chunk) << bytes << offset << QString::fromLatin1(phrase) << chunk;
  };
  rows("lone continuation at start", QByteArray("\x80" "abc"), 0, "continuation byte without");
  rows("byte 0xFF in the middle", QByteArray("abc\xff" "def"), 3, "never occurs");
  rows("lone continuation as last byte", QByteArray("abcdef\x80"), 6, "continuation byte without");
  rows("3 bytes cut off at the end", QByteArray("ab\xe6\x98"), 2, "cut off");
  rows("4 bytes cut off at the end", QByteArray("abcde\xf0\x9f\x98"), 5, "cut off");
  rows("cut off with a non-continuation", QByteArray("abcd\xe6" "a"), 4, "cut off");
  rows("missing continuation", QByteArray("ab\xe6" "a" "\xa5xyz"), 2, "missing continuation");
  rows("overlong 2 bytes", QByteArray("hello \xc0\xaf!"), 6, "overlong");
  rows("overlong 3 bytes", QByteArray("\xe0\x80\xaf" "abc"), 0, "overlong");
  rows("surrogate", QByteArray("ok then\xed\xa0\x80!"), 7, "surrogate");
  rows("above U+10FFFF", QByteArray("xy\xf4\x90\x80\x80"), 2, "above U+10FFFF");
  // The offset counts bytes in the file: the dropped BOM and the CR of a CR LF still count.
  rows("after a BOM", QByteArray("\xef\xbb\xbf" "ab\x80"), 5, "continuation byte without");
  rows("after CJK and CR LF", QByteArray("春\r\n\xc0\x80"), 5, "overlong");
  rows("after valid 4-byte", QByteArray("\xf0\x9f\x98\x80\xf0\x9f\x98"), 4, "cut off");
}

void TestCorpus::rejectsInvalidUtf8() {
  QFETCH(QByteArray, bytes);
  QFETCH(int, offset);
  QFETCH(QString, phrase);
  QFETCH(int, chunk);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("corpus.txt"), bytes);
  Problem error;
  QVERIFY(!load(path, &error, chunk));
  // The reason is decodeUtf8's own wording for the whole file: chunking must change nothing.
  std::u32string ignored;
  Utf8Error reference;
  QVERIFY(!decodeUtf8(bytes.toStdString(), ignored, &reference));
  QCOMPARE(int(reference.byteOffset), offset);
  QCOMPARE(english(error), QStringLiteral("%1: invalid UTF-8 at byte %2 (%3)")
                      .arg(path)
                      .arg(offset)
                      .arg(english(Problem(reference.reason))));
  QCOMPARE(error.file, path); // the facts behind the sentence
  QCOMPARE(error.value, QString::number(offset));
  QVERIFY2(english(error).contains(phrase), qPrintable(english(error)));
}

void TestCorpus::multiByteCharactersStraddleEveryChunkBoundary() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  // BOM, 4-, 3- and 2-byte characters and CR LF pairs, so every kind of sequence meets every cut.
  const QByteArray bytes = QByteArray("\xef\xbb\xbf") + QStringLiteral("a😀b\r\n春c\u00e9d\r\n").toUtf8();
  const QString path = writeFile(dir, QStringLiteral("straddle.txt"), bytes);
  Problem error;
  const auto whole = load(path, &error, 1 << 20);
  QVERIFY2(whole, qPrintable(english(error)));
  QCOMPARE(wholeText(*whole), QStringLiteral("a😀b\n春c\u00e9d\n"));
  for (int chunk = 1; chunk <= bytes.size() + 1; ++chunk) {
    const auto chunked = load(path, &error, chunk);
    QVERIFY2(chunked, qPrintable(english(error)));
    QCOMPARE(chunked->tokens, whole->tokens);
    QVERIFY(chunked->vocabulary == whole->vocabulary);
    QCOMPARE(chunked->sha256, whole->sha256);
  }
}

void TestCorpus::normalises_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QString>("expected");
  QTest::newRow("BOM dropped") << QByteArray("\xef\xbb\xbf" "ab") << QStringLiteral("ab");
  QTest::newRow("BOM kept when not first") << QByteArray("ab\xef\xbb\xbf") << QStringLiteral("ab\ufeff");
  QTest::newRow("second BOM kept") << QByteArray("\xef\xbb\xbf\xef\xbb\xbf" "a") << QStringLiteral("\ufeffa");
  QTest::newRow("CR LF to LF") << QByteArray("a\r\nb\r\n") << QStringLiteral("a\nb\n");
  QTest::newRow("lone CR kept") << QByteArray("a\rb\r") << QStringLiteral("a\rb\r");
  QTest::newRow("CR CR LF") << QByteArray("a\r\r\nb") << QStringLiteral("a\r\nb");
  QTest::newRow("LF CR") << QByteArray("a\n\rb") << QStringLiteral("a\n\rb");
  QTest::newRow("BOM then CR LF") << QByteArray("\xef\xbb\xbf\r\nx") << QStringLiteral("\nx");
}

void TestCorpus::normalises() {
  QFETCH(QByteArray, bytes);
  QFETCH(QString, expected);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("text.txt"), bytes);
  Problem error;
  for (int chunk : {1, 2, 4096}) {
    const auto corpus = load(path, &error, chunk);
    QVERIFY2(corpus, qPrintable(english(error)));
    QCOMPARE(wholeText(*corpus), expected);
    QCOMPARE(corpus->fileBytes, std::int64_t(bytes.size()));
  }
  const auto fromText = corpusFromText(decoded(bytes), QStringLiteral("memory"), {}, &error);
  QVERIFY2(fromText, qPrintable(english(error)));
  QCOMPARE(wholeText(*fromText), expected);
}

void TestCorpus::refusesUntrainable_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QString>("problem");
  const QString empty = QStringLiteral("the corpus is empty");
  QTest::newRow("empty file") << QByteArray() << empty;
  QTest::newRow("only a BOM") << QByteArray("\xef\xbb\xbf") << empty;
  QTest::newRow("only fortune separators") << QByteArray("%\n%\n%\n") << empty;
  QTest::newRow("aaaa") << QByteArray("aaaa")
                        << QStringLiteral("the corpus has only one distinct character ('a' (U+0061)); "
                                          "a model needs at least two");
  QTest::newRow("CR LF lines") << QByteArray("\r\n\r\n")
                               << QStringLiteral("the corpus has only one distinct character ('\\n' (U+000A)); "
                                                 "a model needs at least two");
  QTest::newRow("one CJK character") << QStringLiteral("春春春").toUtf8()
                                     << QStringLiteral("the corpus has only one distinct character ('春' (U+6625)); "
                                                       "a model needs at least two");
}

void TestCorpus::refusesUntrainable() {
  QFETCH(QByteArray, bytes);
  QFETCH(QString, problem);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("bad.txt"), bytes);
  Problem error;
  QVERIFY(!load(path, &error));
  QCOMPARE(english(error), path + QStringLiteral(": ") + problem);
  QVERIFY(!corpusFromText(decoded(bytes), QStringLiteral("generated"), {}, &error));
  QCOMPARE(english(error), QStringLiteral("generated: ") + problem);
}

void TestCorpus::unreadablePathsNameThePath() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString missing = dir.filePath(QStringLiteral("missing.txt"));
  Problem error;
  QVERIFY(!load(missing, &error));
  QVERIFY2(english(error).startsWith(missing + QStringLiteral(": ")), qPrintable(english(error)));
  QVERIFY(english(error).size() > missing.size() + 2);
  QVERIFY(!load(dir.path(), &error));
  QCOMPARE(english(error), dir.path() + QStringLiteral(": this is a directory, not a text file"));
}

void TestCorpus::fortune_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<int>("format");
  QTest::addColumn<QString>("expected");
  QTest::addColumn<int>("applied");
  const int autoFormat = int(CorpusFormat::Auto);
  const int text = int(CorpusFormat::Text);
  const int fortune = int(CorpusFormat::Fortune);
  const auto u8 = [](const char *s) { return QString::fromUtf8(s); };
  QTest::newRow("separators") << QByteArray("A\n%\nB\n%\nC\n") << autoFormat << u8("A\n\nB\n\nC\n") << fortune;
  QTest::newRow("leading and trailing separator")
      << QByteArray("%\nA\n%\nB\n%\n") << autoFormat << u8("A\n\nB\n") << fortune;
  QTest::newRow("last separator without newline")
      << QByteArray("A\n%\nB\n%") << autoFormat << u8("A\n\nB\n") << fortune;
  QTest::newRow("empty entry collapses") << QByteArray("A\n%\n%\nB\n") << autoFormat << u8("A\n\nB\n") << fortune;
  QTest::newRow("CR LF separators") << QByteArray("A\r\n%\r\nB\r\n%\r\n") << autoFormat << u8("A\n\nB\n") << fortune;
  QTest::newRow("not exactly a percent line")
      << QByteArray("A\n% \n%%\nB\n%\n%\n") << autoFormat << u8("A\n% \n%%\nB\n") << fortune;
  // The start of Debian's tang300 with its ESC[32m … ESC[m colours, then two of the forms fortunes-zh's "chinese" uses.
  QTest::newRow("tang300 escapes")
      << QByteArray("\x1b[32m《感遇・其一》\x1b[m\n\x1b[33m作者：张九龄\x1b[m\n兰叶春葳蕤，桂华秋皎洁。\n%\n"
                    "\x1b[1;33mX\x1b[;m\x1b[32;1mY\x1b[m\n%\n")
      << autoFormat << u8("《感遇・其一》\n作者：张九龄\n兰叶春葳蕤，桂华秋皎洁。\n\nXY\n") << fortune;
  QTest::newRow("escape with intermediate byte")
      << QByteArray("a\x1b[1 qb\n%\nc") << fortune << u8("ab\n\nc") << fortune;
  QTest::newRow("incomplete escapes kept")
      << QByteArray("a\x1b[12\nb\x1bx\n%\nc\x1b[") << fortune << u8("a\x1b[12\nb\x1bx\n\nc\x1b[") << fortune;
  QTest::newRow("overstrike") << QByteArray("_\bU_\bn b\bbold\n%\nc\n") << fortune << u8("Un bold\n\nc\n") << fortune;
  // fortunes-min's "fortunes" has this one.
  QTest::newRow("double overstrike")
      << QByteArray("*__\b\bUN*lucky\n%\nx\n%\n") << autoFormat << u8("*UN*lucky\n\nx\n") << fortune;
  QTest::newRow("backspace at line start dropped")
      << QByteArray("\bab\n\b\n%\nc\n") << fortune << u8("ab\n\n\nc\n") << fortune;
  QTest::newRow("one separator stays text") << QByteArray("A\n%\nB\x1b[m\n") << autoFormat << u8("A\n%\nB\x1b[m\n")
                                            << text;
  QTest::newRow("percent inside lines is no separator")
      << QByteArray("50%\n%\n%d\nB\n") << autoFormat << u8("50%\n%\n%d\nB\n") << text;
  QTest::newRow("explicit text keeps separators")
      << QByteArray("A\n%\nB\b\n%\n\x1b[32mC\n") << text << u8("A\n%\nB\b\n%\n\x1b[32mC\n") << text;
  QTest::newRow("explicit fortune with one separator")
      << QByteArray("A\n%\nB\n") << fortune << u8("A\n\nB\n") << fortune;
}

void TestCorpus::fortune() {
  QFETCH(QByteArray, bytes);
  QFETCH(int, format);
  QFETCH(QString, expected);
  QFETCH(int, applied);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("fortune"), bytes);
  Problem error;
  const auto corpus = load(path, &error, 3, CorpusFormat(format));
  QVERIFY2(corpus, qPrintable(english(error)));
  QCOMPARE(wholeText(*corpus), expected);
  QCOMPARE(corpus->format, CorpusFormat(applied));
  CorpusOptions options;
  options.format = CorpusFormat(format);
  const auto fromText = corpusFromText(decoded(bytes), QStringLiteral("memory"), options, &error);
  QVERIFY2(fromText, qPrintable(english(error)));
  QCOMPARE(wholeText(*fromText), expected);
  QCOMPARE(fromText->format, CorpusFormat(applied));
}

void TestCorpus::splits_data() {
  QTest::addColumn<int>("size");
  QTest::addColumn<double>("fraction");
  QTest::addColumn<int>("trainSize");
  QTest::newRow("none") << 1000 << 0.0 << 1000;
  QTest::newRow("a tenth") << 1000 << 0.1 << 900;
  QTest::newRow("half") << 1000 << 0.5 << 500;
  QTest::newRow("most allowed") << 1000 << 0.9 << 100;
  QTest::newRow("rounds half away from zero") << 15 << 0.1 << 13;
  QTest::newRow("rounds down") << 14 << 0.1 << 13;
}

void TestCorpus::splits() {
  QFETCH(int, size);
  QFETCH(double, fraction);
  QFETCH(int, trainSize);
  std::u32string text;
  for (int i = 0; i < size; ++i)
    text.push_back(U'a' + char32_t(i % 26));
  CorpusOptions options;
  options.validationFraction = fraction;
  Problem error;
  const auto corpus = corpusFromText(text, QStringLiteral("letters"), options, &error);
  QVERIFY2(corpus, qPrintable(english(error)));
  QCOMPARE(corpus->size(), std::int64_t(size));
  QCOMPARE(corpus->trainSize, std::int64_t(trainSize));
  QCOMPARE(std::int64_t(corpus->train().size()), std::int64_t(trainSize));
  QCOMPARE(std::int64_t(corpus->validation().size()), std::int64_t(size - trainSize));
  QCOMPARE(corpus->train().data(), corpus->tokens.data());
  QCOMPARE(corpus->validation().data(), corpus->tokens.data() + trainSize); // the contiguous tail
}

void TestCorpus::rejectsBadFraction_data() {
  QTest::addColumn<double>("fraction");
  QTest::newRow("1.5") << 1.5;
  QTest::newRow("just above 0.9") << 0.9000001;
  QTest::newRow("negative") << -0.1;
  QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
  QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
}

void TestCorpus::rejectsBadFraction() {
  QFETCH(double, fraction);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("ok.txt"), QByteArray("abc"));
  Problem error;
  QVERIFY(!load(path, &error, 4096, CorpusFormat::Auto, fraction));
  QVERIFY2(english(error).startsWith(path + QStringLiteral(": the validation fraction must be between 0 and 0.9")),
           qPrintable(english(error)));
  CorpusOptions options;
  options.validationFraction = fraction;
  QVERIFY(!corpusFromText(U"abc", QStringLiteral("memory"), options, &error));
  QVERIFY2(english(error).startsWith(QStringLiteral("memory: the validation fraction")), qPrintable(english(error)));
}

void TestCorpus::progressAndCancel() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  QByteArray bytes;
  while (bytes.size() < 10'000)
    bytes += QStringLiteral("春眠不覺曉 spring sleep\n").toUtf8();
  const QString path = writeFile(dir, QStringLiteral("progress.txt"), bytes);
  CorpusOptions options;
  options.chunkBytes = 1000;
  QList<std::int64_t> done;
  Problem error;
  const auto corpus = loadCorpus(path, options, &error, [&](std::int64_t bytesRead, std::int64_t total) {
    if (total != bytes.size())
      return false;
    done.append(bytesRead);
    return true;
  });
  QVERIFY2(corpus, qPrintable(english(error)));
  QCOMPARE(done.size(), int((bytes.size() + 999) / 1000));
  for (int i = 1; i < done.size(); ++i)
    QVERIFY(done[i] > done[i - 1]);
  QCOMPARE(done.last(), std::int64_t(bytes.size()));

  int calls = 0;
  QVERIFY(!loadCorpus(path, options, &error, [&](std::int64_t, std::int64_t) { return ++calls < 3; }));
  QCOMPARE(calls, 3); // nothing is read after the cancel
  QCOMPARE(english(error), path + QStringLiteral(": loading was cancelled"));
}

void TestCorpus::largeFile() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString block = QStringLiteral("The quick brown fox jumps over the lazy dog. 春眠不覺曉，處處聞啼鳥。😀 é\r\n");
  const QByteArray blockBytes = block.toUtf8();
  const int repeats = 20'000'000 / int(blockBytes.size());
  const QString path = writeFile(dir, QStringLiteral("large.txt"), blockBytes.repeated(repeats));
  QVERIFY(!path.isEmpty());
  std::u32string normalised = block.toStdU32String();
  normalised.erase(normalised.size() - 2, 1); // CR LF → LF

  QElapsedTimer timer;
  timer.start();
  Problem error;
  const auto corpus = loadCorpus(path, CorpusOptions{}, &error);
  const qint64 elapsed = timer.elapsed();
  QVERIFY2(corpus, qPrintable(english(error)));
  qInfo("loaded %lld bytes in %lld ms", static_cast<long long>(corpus->fileBytes), static_cast<long long>(elapsed));
  QCOMPARE(corpus->fileBytes, std::int64_t(blockBytes.size()) * repeats);
  QCOMPARE(corpus->size(), std::int64_t(normalised.size()) * repeats);
  QVERIFY(corpus->vocabulary == Vocabulary::fromText(normalised));
  const auto n = std::int64_t(normalised.size());
  for (std::int64_t start : {std::int64_t(0), n * (repeats / 2), n * (repeats - 1)})
    QVERIFY(corpus->text(start, n) == normalised);
}

void TestCorpus::sha256MatchesSha256sum() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString text = QStringLiteral("The quick brown fox jumps over the lazy dog\n春眠不覺曉\n");
  // printf 'The quick brown fox jumps over the lazy dog\n春眠不覺曉\n' | sha256sum
  const QByteArray expected = "0581c3a10680a5671a1331f0b4150405337ded705920a231a742e5afe85f9137";
  const QString path = writeFile(dir, QStringLiteral("fox.txt"), text.toUtf8());
  Problem error;
  for (int chunk : {1, 7, 4096}) {
    const auto corpus = load(path, &error, chunk);
    QVERIFY2(corpus, qPrintable(english(error)));
    QCOMPARE(corpus->sha256, expected);
    QCOMPARE(corpus->fileBytes, std::int64_t(60));
  }
  const auto fromText = corpusFromText(text.toStdU32String(), QStringLiteral("fox"), {}, &error);
  QVERIFY2(fromText, qPrintable(english(error)));
  QCOMPARE(fromText->sha256, expected);
  QCOMPARE(fromText->fileBytes, std::int64_t(60));
  QCOMPARE(fromText->name, QStringLiteral("fox"));
  QVERIFY(fromText->path.isEmpty());
}

void TestCorpus::fromTextChecksCodePoints() {
  Problem error;
  const std::u32string surrogate{U'a', U'b', char32_t(0xD800)};
  QVERIFY(!corpusFromText(surrogate, QStringLiteral("gen"), {}, &error));
  QCOMPARE(english(error), QStringLiteral("gen: character 2 of the text, U+D800, is not a Unicode character"));
  const std::u32string tooLarge{U'a', char32_t(0x110000), U'b'};
  QVERIFY(!corpusFromText(tooLarge, QStringLiteral("gen"), {}, &error));
  QCOMPARE(english(error), QStringLiteral("gen: character 1 of the text, U+110000, is not a Unicode character"));
  const auto highest = corpusFromText(std::u32string{U'a', char32_t(0x10FFFF)}, QStringLiteral("gen"), {}, &error);
  QVERIFY2(highest, qPrintable(english(error)));
  QCOMPARE(highest->vocabulary.symbol(1), char32_t(0x10FFFF));
}

void TestCorpus::realFortuneFiles_data() {
  QTest::addColumn<QString>("path");
  QTest::addColumn<int>("minimumVocabulary");
  QTest::addColumn<QString>("sample");
  QTest::newRow("tang300 (fortunes-zh)") << QStringLiteral("/usr/share/games/fortunes/tang300") << 1000
                                         << QStringLiteral("\n\n《夜思》\n作者：李白\n床前明月光，疑是地上霜。\n");
  // Line 1314 of literature is "wire-fl'\bechettes": the overstrike leaves "flechettes".
  QTest::newRow("literature (fortunes-min)") << QStringLiteral("/usr/share/games/fortunes/literature") << 60
                                             << QStringLiteral("wire-flechettes clips");
}

void TestCorpus::realFortuneFiles() {
  QFETCH(QString, path);
  QFETCH(int, minimumVocabulary);
  QFETCH(QString, sample);
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    QSKIP("the fortune file is not installed");
  const QByteArray bytes = file.readAll();
  Problem error;
  const auto corpus = load(path, &error, 4 << 20);
  QVERIFY2(corpus, qPrintable(english(error)));
  QCOMPARE(corpus->format, CorpusFormat::Fortune);
  QCOMPARE(corpus->sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
  QCOMPARE(corpus->fileBytes, std::int64_t(bytes.size()));
  QVERIFY2(corpus->vocabulary.size() >= minimumVocabulary, qPrintable(QString::number(corpus->vocabulary.size())));
  QCOMPARE(corpus->vocabulary.idOf(0x1B), -1);
  QCOMPARE(corpus->vocabulary.idOf(0x08), -1);
  const QString text = wholeText(*corpus);
  QVERIFY(!text.startsWith(QStringLiteral("%\n")));
  QVERIFY(!text.contains(QStringLiteral("\n%\n")));
  QVERIFY(!text.endsWith(QStringLiteral("\n%")));
  QVERIFY(!text.endsWith(QStringLiteral("\n\n")));
  QVERIFY2(text.contains(sample), qPrintable(sample));
  // Both files end with a separator and have none at the start or twice in a row, so each of the other separator
  // lines became one blank line and only the last one vanished: one line fewer.
  QCOMPARE(text.count(QLatin1Char('\n')), bytes.count('\n') - 1);
}

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
