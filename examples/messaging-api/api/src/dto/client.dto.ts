import { IsArray, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /clients: what the agent's form sends. */
export class CreateClientDto {
  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @IsOptional()
  @IsArray()
  tags?: string[];

  @IsOptional()
  @IsString()
  notes?: string;

  /** Who referred the client; the design has no place for it yet. */
  @IsOptional()
  @IsString()
  referredBy?: string;
}

/** PATCH /clients/:id. */
export class UpdateClientDto {
  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  phoneNumber?: string;
}
