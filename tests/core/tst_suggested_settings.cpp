// Settings suggested from a corpus: the model grows with the text and stays as narrow as the vocabulary allows —
// a 3-symbol bracket text never gets the 2×256 a megabyte of Chinese gets — and every suggestion can train.
#include "data/generators.h"
#include "english_problem.h"
#include "train/suggested_settings.h"

#include <QTest>

using namespace lstm;
using lstm::test::english;

namespace {
Corpus fromText(const std::u32string &text) {
  Problem error;
  auto corpus = corpusFromText(text, QStringLiteral("text"), CorpusOptions{}, &error);
  if (!corpus)
    qFatal("%s", qPrintable(english(error)));
  return std::move(*corpus);
}

Corpus brackets(std::int64_t characters) {
  Problem error;
  const auto text = generateText("parens", characters, 1, &error);
  if (!text)
    qFatal("%s", qPrintable(english(error)));
  return fromText(*text);
}

// `characters` characters drawn from `symbols` distinct CJK ideographs (a stand-in for a Chinese text).
Corpus ideographs(std::int64_t characters, int symbols) {
  std::u32string text;
  text.reserve(std::size_t(characters));
  std::uint64_t state = 12345;
  for (std::int64_t k = 0; k < characters; ++k) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    text += char32_t(0x4E00 + (state >> 33) % std::uint64_t(symbols));
  }
  return fromText(text);
}

Corpus englishText(std::int64_t characters) {
  const std::u32string words = U"The quick brown fox jumps over the lazy dog; PACK MY BOX WITH FIVE DOZEN JUGS! 0123456789\n";
  std::u32string text;
  while (std::int64_t(text.size()) < characters)
    text += words;
  text.resize(std::size_t(characters));
  return fromText(text);
}

std::int64_t units(const TrainerConfig &c) { return std::int64_t(c.hiddenSize) * c.numLayers; }
} // namespace

class TestSuggestedSettings : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void bracketsGetASmallModelAtAnyLength_data();
  void bracketsGetASmallModelAtAnyLength();
  void aMegabyteOfChineseGetsABiggerEmbeddedModel();
  void theModelGrowsWithTheText();
  void hiddenLimitFollowsTheVocabulary();
  void everySuggestionValidates_data();
  void everySuggestionValidates();
  void keepsTheUsersOptimiserSeedAndThreads();
};

void TestSuggestedSettings::bracketsGetASmallModelAtAnyLength_data() {
  QTest::addColumn<qint64>("characters");
  QTest::newRow("20 000") << qint64(20000);
  QTest::newRow("200 000") << qint64(200000);
  QTest::newRow("2 000 000") << qint64(2000000);
}

void TestSuggestedSettings::bracketsGetASmallModelAtAnyLength() {
  QFETCH(qint64, characters);
  const Corpus corpus = brackets(characters);
  QCOMPARE(corpus.vocabulary.size(), 3); // ( ) and the line break
  const TrainerConfig c = suggestedConfig(corpus, TrainerConfig{});
  QCOMPARE(c.numLayers, 1);
  QVERIFY2(c.hiddenSize <= 64, qPrintable(QString::number(c.hiddenSize)));
  QVERIFY(c.hiddenSize >= 16);
  QCOMPARE(c.embedDim, 0);
}

void TestSuggestedSettings::aMegabyteOfChineseGetsABiggerEmbeddedModel() {
  const Corpus chinese = ideographs(700000, 4000); // about 2 MB of UTF-8
  const Corpus bracketText = brackets(700000);
  const TrainerConfig big = suggestedConfig(chinese, TrainerConfig{});
  const TrainerConfig small = suggestedConfig(bracketText, TrainerConfig{});
  QCOMPARE(big.embedDim, 64); // thousands of symbols: embedded, not one-hot
  QCOMPARE(big.numLayers, 2);
  QVERIFY2(big.hiddenSize >= 128, qPrintable(QString::number(big.hiddenSize)));
  QVERIFY(units(big) >= 4 * units(small));
  // A short Chinese text (a few hundred poems) gets a smaller model than the long one.
  const TrainerConfig poems = suggestedConfig(ideographs(30000, 2500), TrainerConfig{});
  QVERIFY(units(poems) < units(big));
}

void TestSuggestedSettings::theModelGrowsWithTheText() {
  std::int64_t previous = 0;
  for (std::int64_t characters : {2000, 20000, 200000, 2000000}) {
    const TrainerConfig c = suggestedConfig(englishText(characters), TrainerConfig{});
    QVERIFY2(units(c) >= previous, qPrintable(QStringLiteral("%1 characters: %2").arg(characters).arg(units(c))));
    // Never more recurrent weights than twice the training characters (the smallest shape aside).
    const Corpus corpus = englishText(characters);
    QVERIFY(c.hiddenSize == 16 ||
            recurrentWeights(int(corpus.vocabulary.size()), c.hiddenSize, c.numLayers) <= 2 * corpus.trainSize);
    previous = units(c);
  }
  QCOMPARE(units(suggestedConfig(englishText(1000000), TrainerConfig{})), 2 * 256); // a megabyte of English
}

void TestSuggestedSettings::hiddenLimitFollowsTheVocabulary() {
  QCOMPARE(hiddenLimitForVocabulary(2), 32);
  QCOMPARE(hiddenLimitForVocabulary(3), 64);
  QCOMPARE(hiddenLimitForVocabulary(10), 128);
  QCOMPARE(hiddenLimitForVocabulary(80), 512);
  QCOMPARE(hiddenLimitForVocabulary(5000), 512);
  QCOMPARE(recurrentWeights(3, 64, 1), 4 * 64 * (3 + 64 + 1));
  QCOMPARE(recurrentWeights(10, 8, 2), 4 * 8 * (10 + 8 + 1) + 4 * 8 * (2 * 8 + 1));
}

void TestSuggestedSettings::everySuggestionValidates_data() {
  QTest::addColumn<int>("kind");
  QTest::addColumn<qint64>("characters");
  for (qint64 characters : {qint64(300), qint64(5000), qint64(150000)}) {
    QTest::addRow("brackets %lld", characters) << 0 << characters;
    QTest::addRow("english %lld", characters) << 1 << characters;
    QTest::addRow("ideographs %lld", characters) << 2 << characters;
  }
}

void TestSuggestedSettings::everySuggestionValidates() {
  QFETCH(int, kind);
  QFETCH(qint64, characters);
  const Corpus corpus = kind == 0 ? brackets(characters) : kind == 1 ? englishText(characters) : ideographs(characters, 300);
  const TrainerConfig c = suggestedConfig(corpus, TrainerConfig{});
  Problem problem;
  QVERIFY2(c.validate(corpus, &problem), qPrintable(english(problem)));
  QVERIFY(c.iterations >= 1);
  QVERIFY(c.evalEvery >= 1 && c.evalEvery <= c.iterations);
}

void TestSuggestedSettings::keepsTheUsersOptimiserSeedAndThreads() {
  TrainerConfig mine;
  mine.optimizer.kind = OptimizerKind::Sgd;
  mine.seed = 99;
  mine.threads = 3;
  mine.clipNorm = 1.5;
  const TrainerConfig c = suggestedConfig(englishText(50000), mine);
  QCOMPARE(c.optimizer.kind, OptimizerKind::Sgd);
  QCOMPARE(c.seed, std::uint64_t(99));
  QCOMPARE(c.threads, 3);
  QCOMPARE(c.clipNorm, 1.5);
}

QTEST_GUILESS_MAIN(TestSuggestedSettings)
#include "tst_suggested_settings.moc"
