#include "language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace lstm {

namespace {

const QString kSettingKey = QStringLiteral("ui/language");

struct Installed {
  QPointer<QTranslator> app, qt;
  QString code;
};

Installed &installed() {
  static Installed state;
  return state;
}

QString normalized(const QString &code) {
  if (code.startsWith(QLatin1String("zh")))
    return QStringLiteral("zh_CN");
  return availableLanguages().contains(code) ? code : QString();
}

void remove(QPointer<QTranslator> &translator) {
  if (translator) {
    QCoreApplication::removeTranslator(translator);
    delete translator;
  }
}

// Retranslates its own title; the language names stay in their own language so anyone can find theirs.
class LanguageMenu : public QMenu {
  Q_DECLARE_TR_FUNCTIONS(lstm::LanguageMenu)

public:
  explicit LanguageMenu(QWidget *parent) : QMenu(parent) {
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    const auto add = [&](const QString &name, const QString &objectName, const QString &code) {
      QAction *action = addAction(name);
      action->setObjectName(objectName);
      action->setCheckable(true);
      action->setData(code);
      group->addAction(action);
      connect(action, &QAction::triggered, this, [code] {
        setLanguageSetting(code);
        applyLanguage(code.isEmpty() ? systemLanguage() : code);
      });
      return action;
    };
    m_system = add(QString(), QStringLiteral("languageSystemAction"), QString());
    addSeparator();
    add(QStringLiteral("English"), QStringLiteral("languageEnAction"), QStringLiteral("en"));
    add(QStringLiteral("中文 (简体)"), QStringLiteral("languageZhAction"), QStringLiteral("zh_CN"));
    // Another menu (or a test) may have changed the setting: show it as it is now.
    connect(this, &QMenu::aboutToShow, this, &LanguageMenu::syncChecks);
    syncChecks();
    retranslateUi();
  }

protected:
  void changeEvent(QEvent *event) override {
    if (event->type() == QEvent::LanguageChange)
      retranslateUi();
    QMenu::changeEvent(event);
  }

private:
  void retranslateUi() {
    setTitle(tr("&Language"));
    m_system->setText(tr("Follow the system"));
  }
  void syncChecks() {
    const QString setting = languageSetting();
    for (QAction *action : actions())
      if (action->isCheckable())
        action->setChecked(action->data().toString() == setting);
  }

  QAction *m_system = nullptr;
};

} // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString translationResource(const QString &code) { return QStringLiteral(":/i18n/lstm_explorer_%1.qm").arg(code); }

QString languageForLocale(const QString &localeName) {
  return localeName.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString systemLanguage() { return languageForLocale(QLocale::system().name()); }

QString currentLanguage() { return installed().code; }

bool applyLanguage(const QString &requested) {
  const QString code = normalized(requested);
  if (code.isEmpty())
    return false;
  auto app = std::make_unique<QTranslator>();
  if (!app->load(translationResource(code)))
    return false;
  auto qt = std::make_unique<QTranslator>();
  const bool haveQt = qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath));

  Installed &state = installed();
  remove(state.app);
  remove(state.qt);
  // The default locale first: widgets that format numbers or dates while retranslating see the new one.
  QLocale::setDefault(QLocale(code));
  state.app = app.release();
  state.app->setParent(QCoreApplication::instance());
  QCoreApplication::installTranslator(state.app);
  if (haveQt) {
    state.qt = qt.release();
    state.qt->setParent(QCoreApplication::instance());
    QCoreApplication::installTranslator(state.qt);
  }
  state.code = code;
  return true;
}

QString languageSetting() {
  const QString value = QSettings().value(kSettingKey).toString();
  return availableLanguages().contains(value) ? value : QString();
}

void setLanguageSetting(const QString &code) {
  if (code.isEmpty())
    QSettings().remove(kSettingKey);
  else
    QSettings().setValue(kSettingKey, code);
}

QString initialLanguage() {
  const QString setting = languageSetting();
  return setting.isEmpty() ? systemLanguage() : setting;
}

QMenu *createLanguageMenu(QWidget *parent) { return new LanguageMenu(parent); }

} // namespace lstm
