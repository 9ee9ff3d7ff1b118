/**
 * Russian for the field messages our own schemas write (zod's built-in ones come from zod's
 * Russian locale). Matched on the English message; an unknown one stays as it is.
 */
export const RU_ISSUES: [RegExp, string][] = [
  [/^A Stripe secret key starts with sk_test_, sk_live_ \(or rk_ for a restricted key\)$/, 'Секретный ключ Stripe начинается с sk_test_ или sk_live_ (ограниченный — с rk_)'],
  [/^A webhook signing secret starts with whsec_$/, 'Секрет подписи вебхука начинается с whsec_'],
  [/^Must be an http\(s\) URL$/, 'Нужен адрес http(s)'],
  [/^The secret key is required$/, 'Укажите секретный ключ'],
  [/^The webhook signing secret is required$/, 'Укажите секрет подписи вебхука'],
  [/^Choose at least one provider account$/, 'Выберите хотя бы одну учётную запись провайдера'],
  [/^Email is required$/, 'Укажите email'],
  [/^Enter a code from your app or a recovery code$/, 'Введите код из приложения или резервный код'],
  [/^Enter a valid email address$/, 'Введите корректный email'],
  [/^Enter the code from your app$/, 'Введите код из приложения'],
  [/^Enter your current password$/, 'Введите текущий пароль'],
  [/^Enter your password or an authenticator code$/, 'Введите пароль или код из приложения-аутентификатора'],
  [/^Enter your password$/, 'Введите пароль'],
  [/^Give the customer a reason$/, 'Укажите причину для клиента'],
  [/^Name is required$/, 'Укажите название'],
  [/^Name the token$/, 'Назовите токен'],
  [/^Not a valid order id$/, 'Неверный идентификатор заказа'],
  [/^Not a valid id$/, 'Неверный идентификатор'],
  [/^Password is required$/, 'Укажите пароль'],
  [/^Passwords need at least (\d+) characters$/, 'Пароль должен быть не короче $1 символов'],
  [/^Passwords can have at most (\d+) characters$/, 'Пароль может быть не длиннее $1 символов'],
  // zxcvbn's advice that follows is English only; the verdict is what matters.
  [/^This password is too easy to guess\..*$/, 'Этот пароль слишком легко подобрать: добавьте ещё несколько редких слов'],
]
