// The UI language: the translations are embedded, switching at runtime retranslates real panels in
// place (their state and the session stay), and the choice persists in the settings.
#include "common/language.h"
#include "explorer/drive_toolbar.h"
#include "explorer/explorer_session.h"
#include "explorer/interventions_panel.h"
#include "explorer/text_input_panel.h"
#include "training/training_panel.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace lstm;
using lstm::test::child;

class TestLanguage : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings goes to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Explorer tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_language"));
    QSettings().clear();
  }
  void cleanup() {
    QVERIFY(applyLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    setLanguageSetting(QString());
  }

  void translationsAreEmbedded() {
    QCOMPARE(availableLanguages(), QStringList({QStringLiteral("en"), QStringLiteral("zh_CN")}));
    for (const QString &code : availableLanguages()) {
      QCOMPARE(translationResource(code), QStringLiteral(":/i18n/lstm_explorer_%1.qm").arg(code));
      QVERIFY2(QFile::exists(translationResource(code)), qPrintable(translationResource(code)));
    }
    QTranslator zh;
    QVERIFY(zh.load(translationResource(QStringLiteral("zh_CN"))));
    QCOMPARE(zh.translate("lstm::TrainingRunControls", "Train"), QStringLiteral("训练"));
    QCOMPARE(zh.translate("lstm::Quantity", "forget gate f"), QStringLiteral("遗忘门 f"));
    // English is the source language: its file only carries plural forms.
    QTranslator en;
    QVERIFY(en.load(translationResource(QStringLiteral("en"))));
    QCOMPARE(en.translate("lstm::ForecastView", "one step ahead over %n points", nullptr, 1),
             QStringLiteral("one step ahead over %n point"));
  }

  void applyingRetranslatesPanelsAndKeepsTheirState() {
    ExplorerSession session;
    session.setModel(test::randomCharModel(test::kTestAlphabet, 8), QStringLiteral("test"));
    QString error;
    QVERIFY(session.setText(QStringLiteral("hello world"), &error));
    QVERIFY(session.runTo(5));
    const Model *model = &session.model();

    TrainingController trainingController;
    TrainingPanel training(&trainingController);
    InterventionsPanel interventions(&session);
    DriveToolBar drive(&session);
    TextInputPanel input(&session);
    auto *edit = child<QPlainTextEdit>(&input, "primerEdit");
    QTest::keyClicks(edit, QStringLiteral("typed before"));
    auto *kind = child<QComboBox>(&interventions, "interventionKindCombo");
    kind->setCurrentIndex(3);
    auto *train = child<QPushButton>(&training, "trainButton");
    auto *apply = child<QPushButton>(&interventions, "addInterventionButton");
    auto *replace = child<QPushButton>(&input, "replaceTextButton");
    QAction *forward = drive.nextStepAction();
    QCOMPARE(train->text(), QStringLiteral("Train"));

    QVERIFY(applyLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));
    // Qt posts LanguageChange to the top-level widgets.
    QTRY_COMPARE(train->text(), QStringLiteral("训练"));
    QCOMPARE(child<QPushButton>(&training, "pauseButton")->text(), QStringLiteral("暂停"));
    QCOMPARE(child<QLabel>(&training, "corpusInfoLabel")->text(), QStringLiteral("尚未加载语料。"));
    QCOMPARE(apply->text(), QStringLiteral("应用到所选单元"));
    QCOMPARE(kind->itemText(1), QStringLiteral("钳制遗忘门 f"));
    QCOMPARE(forward->text(), QStringLiteral("下一步"));
    QCOMPARE(drive.playAction()->text(), QStringLiteral("播放"));
    QCOMPARE(drive.windowTitle(), QStringLiteral("驱动"));
    QCOMPARE(replace->text(), QStringLiteral("读取此文本"));
    test::savePng(training, QStringLiteral("lang_training_zh.png"));

    // Nothing was rebuilt: typed text, choices and the session are as they were.
    QCOMPARE(edit->toPlainText(), QStringLiteral("typed before"));
    QCOMPARE(kind->currentIndex(), 3);
    QCOMPARE(session.steps(), 5);
    QCOMPARE(&session.model(), model);
    QCOMPARE(child<QPushButton>(&training, "trainButton"), train);

    QVERIFY(applyLanguage(QStringLiteral("en")));
    QTRY_COMPARE(train->text(), QStringLiteral("Train"));
    QCOMPARE(apply->text(), QStringLiteral("Apply to selected unit"));
    QCOMPARE(kind->itemText(1), QStringLiteral("Clamp forget gate f"));
    QCOMPARE(forward->text(), QStringLiteral("Next step"));
    QCOMPARE(replace->text(), QStringLiteral("Read this text"));
    QCOMPARE(edit->toPlainText(), QStringLiteral("typed before"));
    QCOMPARE(session.steps(), 5);
  }

  void unknownLanguagesAreRefused() {
    QVERIFY(applyLanguage(QStringLiteral("en")));
    QVERIFY(!applyLanguage(QStringLiteral("fr")));
    QVERIFY(!applyLanguage(QString()));
    QCOMPARE(currentLanguage(), QStringLiteral("en"));
    QVERIFY(applyLanguage(QStringLiteral("zh_TW"))); // any Chinese gets Simplified Chinese
    QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
  }

  void choicePersists() {
    QCOMPARE(languageForLocale(QStringLiteral("zh_HK")), QStringLiteral("zh_CN"));
    QCOMPARE(languageForLocale(QStringLiteral("de_DE")), QStringLiteral("en"));
    setLanguageSetting(QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(initialLanguage(), QStringLiteral("zh_CN"));
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(initialLanguage(), QStringLiteral("en"));
    setLanguageSetting(QString());
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
    QCOMPARE(initialLanguage(), systemLanguage());
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("klingon")); // a stale or edited value
    QCOMPARE(initialLanguage(), systemLanguage());
  }

  void menuSwitchesAndSaves() {
    QWidget window;
    QMenu *menu = createLanguageMenu(&window);
    QCOMPARE(menu->parent(), &window);
    QCOMPARE(menu->title(), QStringLiteral("&Language"));
    auto *system = menu->findChild<QAction *>(QStringLiteral("languageSystemAction"));
    auto *english = menu->findChild<QAction *>(QStringLiteral("languageEnAction"));
    auto *chinese = menu->findChild<QAction *>(QStringLiteral("languageZhAction"));
    QVERIFY(system && english && chinese);
    QVERIFY(system->isChecked()); // nothing saved: follows the system
    QCOMPARE(chinese->text(), QStringLiteral("中文 (简体)"));

    chinese->trigger();
    QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(languageSetting(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked() && !system->isChecked());
    QTRY_COMPARE(menu->title(), QStringLiteral("语言(&L)"));
    QCOMPARE(system->text(), QStringLiteral("跟随系统"));
    QCOMPARE(english->text(), QStringLiteral("English")); // names stay in their own language

    english->trigger();
    QCOMPARE(currentLanguage(), QStringLiteral("en"));
    QTRY_COMPARE(menu->title(), QStringLiteral("&Language"));
    system->trigger();
    QCOMPARE(languageSetting(), QString());
    QCOMPARE(currentLanguage(), systemLanguage());
  }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
