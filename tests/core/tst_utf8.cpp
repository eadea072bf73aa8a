// Strict UTF-8 decoding with byte offsets, code point descriptions, and the vocabulary built from text.
#include "data/utf8.h"
#include "english_problem.h"
#include "data/vocabulary.h"

#include <QTest>

using namespace lstm;
using lstm::test::english;

class TestUtf8 : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void decodesValidText();
  void rejectsInvalid_data();
  void rejectsInvalid();
  void describesCodePoints();
  void vocabularyFromText();
};

void TestUtf8::decodesValidText() {
  const std::string text = "a\xc3\xa9\xe6\x98\xa5\xf0\x9f\x98\x80\n"; // a é 春 😀 \n
  std::u32string decoded;
  QVERIFY(decodeUtf8(text, decoded));
  QVERIFY(decoded == std::u32string({U'a', U'\u00e9', U'\u6625', U'\U0001F600', U'\n'}));
  QCOMPARE(encodeUtf8(decoded), text);
}

void TestUtf8::rejectsInvalid_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<int>("offset");
  QTest::addColumn<QString>("phrase");
  QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2 << QStringLiteral("continuation byte without");
  QTest::newRow("byte 0xFF") << QByteArray("\xff") << 0 << QStringLiteral("never occurs");
  QTest::newRow("cut off at end") << QByteArray("x\xe6\x98") << 1 << QStringLiteral("cut off");
  QTest::newRow("missing continuation") << QByteArray("\xe6" "a" "\xa5") << 0 << QStringLiteral("missing continuation");
  QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << 0 << QStringLiteral("overlong");
  QTest::newRow("surrogate") << QByteArray("ok\xed\xa0\x80") << 2 << QStringLiteral("surrogate");
  QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0 << QStringLiteral("above U+10FFFF");
}

void TestUtf8::rejectsInvalid() {
  QFETCH(QByteArray, bytes);
  QFETCH(int, offset);
  QFETCH(QString, phrase);
  std::u32string decoded;
  Utf8Error error;
  QVERIFY(!decodeUtf8(bytes.toStdString(), decoded, &error));
  QCOMPARE(int(error.byteOffset), offset);
  const QString reason = english(Problem(error.reason));
  QVERIFY2(reason.contains(phrase), qPrintable(reason));
}

void TestUtf8::describesCodePoints() {
  QCOMPARE(QString::fromStdString(describeCodePoint(U'x')), QStringLiteral("'x' (U+0078)"));
  QCOMPARE(QString::fromStdString(describeCodePoint(U'\n')), QStringLiteral("'\\n' (U+000A)"));
  QCOMPARE(QString::fromStdString(describeCodePoint(0x7)), QStringLiteral("U+0007"));
  QCOMPARE(QString::fromStdString(describeCodePoint(U'\u6625')), QStringLiteral("'春' (U+6625)"));
}

void TestUtf8::vocabularyFromText() {
  const Vocabulary v = Vocabulary::fromText(U"春眠不覺曉 abba\n");
  QCOMPARE(v.size(), 9);
  QCOMPARE(v.symbol(0), U'\n'); // ascending code points: deterministic whatever the text order
  QCOMPARE(v.symbol(1), U' ');
  QCOMPARE(v.idOf(U'a'), 2);
  QCOMPARE(v.idOf(U'z'), -1);
  Problem error;
  QVERIFY(!Vocabulary::create({U'a', U'b', U'a'}, &error));
  QVERIFY(english(error).contains(QStringLiteral("appears twice")));
  QVERIFY(!Vocabulary::create({U'a', char32_t(0xD800)}, &error));
  QVERIFY(english(error).contains(QStringLiteral("not a Unicode character")));
}

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
