// Errors as data, translated at the edge: with the interface in Chinese, a damaged model, a CSV file with a bad
// value and a corpus that is not UTF-8 each show a Chinese sentence — in the error dialog and, for corpora, in
// the panel's label — that still names the file and the line, column or byte and the value at fault.
#include "common/dialogs.h"
#include "common/language.h"
#include "main_window.h"
#include "training/training_controller.h"
#include "training/training_panel.h"
#include "ui_test_helpers.h"

#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace lstm;
using test::child;
using test::writeFile;

class TestTranslatedProblems : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // settings and recovery files go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Explorer tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translated_problems"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
  }
  void init() {
    m_errors.clear();
    dialogs::setHooks({{}, {}, [this](const QString &text) { m_errors << text; }});
    QVERIFY(applyLanguage(QStringLiteral("zh_CN")));
  }
  void cleanup() {
    dialogs::setHooks({});
    QVERIFY(applyLanguage(QStringLiteral("en")));
    setLanguageSetting(QString());
  }

  void damagedModelIsExplainedInChinese();
  void csvValueIsExplainedInChinese();
  void invalidCorpusIsExplainedInChinese();

private:
  QTemporaryDir m_dir;
  QStringList m_errors;
};

void TestTranslatedProblems::damagedModelIsExplainedInChinese() {
  // A model file from a future format version 7: the refusal names the file and the version it found.
  QByteArray bytes(64, '\0');
  std::memcpy(bytes.data(), "LSTMXPLR", 8);
  bytes[8] = 7;
  const QString path = m_dir.filePath(QStringLiteral("future.lstm"));
  QVERIFY(writeFile(path, bytes));
  MainWindow window;
  QVERIFY(!window.openModel(path));
  QCOMPARE(m_errors.size(), 1);
  QCOMPARE(m_errors.front(), path + QStringLiteral("：此文件由更新的 LSTM Explorer 以模型格式 7 写成；本版本只能读取格式 1 及更早的格式"));
}

void TestTranslatedProblems::csvValueIsExplainedInChinese() {
  const QString path = m_dir.filePath(QStringLiteral("weather.csv"));
  QVERIFY(writeFile(path, QByteArray("date,temp\n2024-01-30,3.5\n2024-01-31,warm\n")));
  TrainingController controller;
  TrainingPanel panel(&controller);
  panel.show();
  panel.loadCsvFile(path);
  QTRY_COMPARE_WITH_TIMEOUT(m_errors.size(), 1, 20000);
  const QString expected = path + QStringLiteral("：第 3 行，“temp”列：“warm”不是数字");
  QCOMPARE(m_errors.front(), expected);
  QCOMPARE(child<QLabel>(&panel, "corpusInfoLabel")->text(), expected);
}

void TestTranslatedProblems::invalidCorpusIsExplainedInChinese() {
  // "café" in Latin-1: the byte at offset 3 starts a three-byte sequence that a space interrupts.
  const QString path = m_dir.filePath(QStringLiteral("latin1.txt"));
  QVERIFY(writeFile(path, QByteArray("caf\xe9 au lait\n", 13)));
  TrainingController controller;
  TrainingPanel panel(&controller);
  panel.show();
  panel.loadCorpusFile(path);
  QTRY_COMPARE_WITH_TIMEOUT(m_errors.size(), 1, 20000);
  const QString expected = path + QStringLiteral("：第 3 字节处的 UTF-8 无效（多字节序列缺少后续字节）");
  QCOMPARE(m_errors.front(), expected);
  QCOMPARE(child<QLabel>(&panel, "corpusInfoLabel")->text(), expected);
}

QTEST_MAIN(TestTranslatedProblems)
#include "tst_translated_problems.moc"
