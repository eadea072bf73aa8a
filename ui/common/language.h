#pragma once
// The UI language: which translations exist, applying one at runtime, the persisted choice and the Settings ▸
// Language menu. Applying a language installs a QTranslator for ":/i18n/lstm_explorer_<code>.qm" (built from
// resources/translations/*.ts by lrelease and embedded by qt_add_translations) plus Qt's own qtbase_<code>.qm when
// the system has it, and calls QLocale::setDefault; Qt then sends QEvent::LanguageChange to every widget, which
// retranslates itself in place — nothing is rebuilt, so the session (model, trace, training) is untouched.
// GUI thread only, after the QApplication exists.
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

namespace lstm {

QStringList availableLanguages();                 // codes with an embedded translation: "en", "zh_CN"
QString translationResource(const QString &code); // ":/i18n/lstm_explorer_<code>.qm"
// "zh_CN" for any Chinese locale name ("zh", "zh_TW", …), "en" for everything else.
QString languageForLocale(const QString &localeName);
QString systemLanguage();  // languageForLocale of the system locale
QString currentLanguage(); // the code last applied; empty before the first applyLanguage
// Switches the UI to `code` (one of availableLanguages(); "zh…" means "zh_CN"). False, with nothing changed,
// for an unknown code or a translation that does not load. Qt's own translation is optional.
bool applyLanguage(const QString &code);
// The persisted choice (QSettings "ui/language"): a code, or empty for "follow the system".
QString languageSetting();
void setLanguageSetting(const QString &code);
// What to apply at start: the setting when it names an available language, else systemLanguage().
QString initialLanguage();
// A "&Language" menu of exclusive checkable actions — "Follow the system" (languageSystemAction), "English"
// (languageEnAction), "中文 (简体)" (languageZhAction) — that save the choice and apply it. Owned by `parent`.
QMenu *createLanguageMenu(QWidget *parent);

} // namespace lstm
